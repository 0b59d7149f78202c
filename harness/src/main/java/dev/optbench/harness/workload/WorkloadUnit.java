package dev.optbench.harness.workload;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark unit for the runner: run {@link #before} then {@link #argv} in a fresh work dir
 * (cwd), with argv[0] "ffmpeg" replaced by the variant's binary; all of them are the unit's cost.
 * Only {@code id} and {@code argv} are required: hand-written units (JSON or {@link CommandList})
 * have no template (null, written as absent), no descriptors, and seed/generation 0.
 *
 * @param seed the generation run's seed (with {@code id}, enough to find the unit again)
 * @param generation the search generation that produced it (0: initial population / random)
 */
@JsonPropertyOrder({
  "id",
  "template",
  "argv",
  "before",
  "inputs",
  "descriptors",
  "seed",
  "generation"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkloadUnit(
    String id,
    Template template,
    List<String> argv,
    List<List<String>> before,
    List<String> inputs,
    Descriptors descriptors,
    long seed,
    int generation) {

  /** What a hand-written unit may leave out: no template, no steps before, no inputs. */
  public WorkloadUnit {
    before = before == null ? List.of() : before;
    inputs = inputs == null ? List.of() : inputs;
  }

  /** Every step in the order they run: {@link #before}, then {@link #argv}. */
  @JsonIgnore
  public List<List<String>> steps() {
    List<List<String>> all = new ArrayList<>(before);
    all.add(argv);
    return List.copyOf(all);
  }

  /** The template's name, or {@code user} for a unit someone wrote by hand (no template). */
  public String kind() {
    return template == null ? "user" : template.name();
  }

  /**
   * @param input the normalised parameter vector (template one-hot, then one entry per {@link
   *     Param}), rounded to 4 decimals
   * @param behaviour measured on the reference binary; present only for behaviour-space runs, since
   *     measurements vary run to run
   */
  @JsonPropertyOrder({"input", "behaviour"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Descriptors(List<Double> input, Measured behaviour) {}

  /** What the reference binary's run cost (optbench-exec's rusage of ffmpeg itself). */
  @JsonPropertyOrder({
    "cpuMicros",
    "wallMicros",
    "maxRssKib",
    "outputBytes",
    "threadsUsed",
    "exitClass"
  })
  public record Measured(
      long cpuMicros,
      long wallMicros,
      long maxRssKib,
      long outputBytes,
      double threadsUsed,
      String exitClass) {}
}
