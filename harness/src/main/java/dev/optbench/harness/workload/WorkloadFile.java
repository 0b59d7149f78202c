package dev.optbench.harness.workload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The generator's output and the runner's input. Deterministic content only: no timestamps, no host
 * paths; timing and outcome counts go to a separate summary file.
 *
 * @param inputs files the units read (empty for live lavfi inputs), with the argv that makes each
 */
@JsonPropertyOrder({"format", "generator", "inputs", "units"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkloadFile(
    String format, Generator generator, List<InputFile> inputs, List<WorkloadUnit> units) {
  /** Hand-written workloads may leave out {@code generator} (null) and {@code inputs}. */
  public WorkloadFile {
    inputs = inputs == null ? List.of() : inputs;
  }

  public static final String FORMAT = "optbench-workload/1";

  @JsonPropertyOrder({"search", "space", "seed", "budget", "ffmpeg", "inputMode"})
  public record Generator(
      String search, String space, long seed, int budget, String ffmpeg, InputMode inputMode) {}

  @JsonPropertyOrder({"path", "argv"})
  public record InputFile(String path, List<String> argv) {}
}
