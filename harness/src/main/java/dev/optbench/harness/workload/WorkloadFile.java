package dev.optbench.harness.workload;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The generator's output and the runner's input. Deterministic content only: no timestamps, no host
 * paths; timing and outcome counts go to a separate summary file.
 *
 * @param inputs files the units read (empty for live lavfi inputs), with the argv that makes each
 */
@JsonPropertyOrder({"format", "generator", "inputs", "units"})
public record WorkloadFile(
    String format, Generator generator, List<InputFile> inputs, List<WorkloadUnit> units) {
  public static final String FORMAT = "optbench-workload/1";

  /** Optional in a file: workloads with live lavfi inputs have none. */
  public WorkloadFile {
    inputs = inputs == null ? List.of() : inputs;
  }

  @JsonPropertyOrder({"search", "space", "seed", "budget", "ffmpeg", "inputMode"})
  public record Generator(
      String search, String space, long seed, int budget, String ffmpeg, InputMode inputMode) {}

  @JsonPropertyOrder({"path", "argv"})
  public record InputFile(String path, List<String> argv) {}
}
