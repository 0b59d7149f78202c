package dev.optbench.results.report;

import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.Direction;
import dev.optbench.results.model.BenchmarkResult;
import java.util.Collection;
import java.util.Map;

/**
 * The metric a run's verdict rests on, and how to name it in a sentence. {@code wall} where the
 * results have it (optbench's wall time measured next to the process; JMH's primary score also
 * holds the sandbox's launch cost), else the primary metric.
 *
 * @param name the metric's label in the results
 * @param noun what people call it: "wall time", "CPU time", "peak memory"
 * @param better the adjective for a command that did better ("faster", "smaller")
 * @param worse the adjective for a command that did worse ("slower", "larger")
 */
public record VerdictMetric(String name, String noun, String better, String worse) {
  public static final String PROCESS_WALL = "wall";

  private static final Map<String, VerdictMetric> KNOWN =
      Map.of(
          "wall",
          new VerdictMetric("wall", "wall time", "faster", "slower"),
          "cpu.total",
          new VerdictMetric("cpu.total", "CPU time", "faster", "slower"),
          "mem.peak",
          new VerdictMetric("mem.peak", "peak memory", "smaller", "larger"),
          BenchmarkResult.PRIMARY,
          new VerdictMetric(BenchmarkResult.PRIMARY, "time (JMH score)", "faster", "slower"));

  public static VerdictMetric of(Collection<Comparison> comparisons) {
    boolean hasWall =
        comparisons.stream()
            .flatMap(c -> c.rows().stream())
            .anyMatch(r -> r.metric().equals(PROCESS_WALL));
    if (hasWall) {
      return named(PROCESS_WALL);
    }
    // The primary score's direction depends on its unit: ops/s is better when higher.
    boolean throughput =
        comparisons.stream()
            .flatMap(c -> c.rows().stream())
            .filter(r -> r.metric().equals(BenchmarkResult.PRIMARY))
            .anyMatch(r -> r.direction() == Direction.HIGHER_IS_BETTER);
    return throughput
        ? new VerdictMetric(BenchmarkResult.PRIMARY, "throughput (JMH score)", "faster", "slower")
        : named(BenchmarkResult.PRIMARY);
  }

  /** A known metric's words, or neutral ones ("better"/"worse") for any other label. */
  public static VerdictMetric named(String metric) {
    return KNOWN.getOrDefault(metric, new VerdictMetric(metric, metric, "better", "worse"));
  }
}
