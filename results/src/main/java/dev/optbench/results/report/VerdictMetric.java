package dev.optbench.results.report;

import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.Direction;
import dev.optbench.results.compare.MetricComparison;
import dev.optbench.results.model.BenchmarkKey;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.stats.SampleSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The metric a run's verdict rests on, why, and how to name it in a sentence. {@code wall} where
 * the results have it (optbench's wall time measured next to the process; JMH's primary score also
 * holds the sandbox's launch cost) and contention was low; {@code cpu.total} when the units' main
 * threads waited for a CPU for more than {@link #LOW_CONTENTION} of their wall time (median over
 * commands and variants): wall time then measures the machine's other load, CPU time leaves the
 * waiting out. Else the primary metric.
 *
 * @param name the metric's label in the results
 * @param noun what people call it: "wall time", "CPU time", "peak memory"
 * @param better the adjective for a command that did better ("faster", "smaller")
 * @param worse the adjective for a command that did worse ("slower", "larger")
 * @param reason why the verdict rests on it, a clause for the output ("" when there was no choice)
 */
public record VerdictMetric(String name, String noun, String better, String worse, String reason) {
  public static final String PROCESS_WALL = "wall";
  public static final String CPU_TOTAL = "cpu.total";
  public static final String WAIT = "cpu.wait";

  /**
   * Median share of wall time spent waiting for a CPU up to which wall time decides. Measured here
   * (README, "Contention"): 0.7-3.5 % alone or beside a busy loop of default weight.
   */
  public static final double LOW_CONTENTION = 0.05;

  public VerdictMetric(String name, String noun, String better, String worse) {
    this(name, noun, better, worse, "");
  }

  /** The same metric with the reason it was chosen. */
  public VerdictMetric because(String why) {
    return new VerdictMetric(name, noun, better, worse, why);
  }

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
      return wallOrCpu(comparisons);
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

  private static VerdictMetric wallOrCpu(Collection<Comparison> comparisons) {
    OptionalDouble share = waitShare(comparisons);
    if (share.isEmpty()) {
      return named(PROCESS_WALL);
    }
    boolean hasCpu =
        comparisons.stream()
            .flatMap(c -> c.rows().stream())
            .anyMatch(r -> r.metric().equals(CPU_TOTAL));
    double percent = 100 * share.getAsDouble();
    if (share.getAsDouble() > LOW_CONTENTION && hasCpu) {
      return named(CPU_TOTAL)
          .because(
              String.format(
                  Locale.ROOT,
                  "the machine was contended (the units waited a median %.1f %% of their wall time"
                      + " for a CPU, over %.0f %%): CPU time leaves the waiting out",
                  percent,
                  100 * LOW_CONTENTION));
    }
    return named(PROCESS_WALL)
        .because(
            String.format(
                Locale.ROOT,
                "contention was low (the units waited a median %.1f %% of their wall time for a"
                    + " CPU; wall time decides up to %.0f %%)",
                percent,
                100 * LOW_CONTENTION));
  }

  /**
   * Median over commands and sides of median cpu.wait / median wall, from the comparisons' rows
   * (the invocations they kept); empty where cpu.wait was not measured.
   */
  private static OptionalDouble waitShare(Collection<Comparison> comparisons) {
    List<Double> shares = new ArrayList<>();
    for (Comparison c : comparisons) {
      Map<BenchmarkKey, MetricComparison> walls = new HashMap<>();
      c.rows().stream()
          .filter(r -> r.metric().equals(PROCESS_WALL))
          .forEach(r -> walls.put(r.key(), r));
      for (MetricComparison wait : c.rows()) {
        MetricComparison wall = walls.get(wait.key());
        if (!wait.metric().equals(WAIT) || wall == null) {
          continue;
        }
        share(wait.baseline(), wall.baseline()).ifPresent(shares::add);
        share(wait.candidate(), wall.candidate()).ifPresent(shares::add);
      }
    }
    if (shares.isEmpty()) {
      return OptionalDouble.empty();
    }
    Collections.sort(shares);
    int n = shares.size();
    return OptionalDouble.of(
        n % 2 == 1 ? shares.get(n / 2) : (shares.get(n / 2 - 1) + shares.get(n / 2)) / 2);
  }

  private static java.util.Optional<Double> share(SampleSummary wait, SampleSummary wall) {
    double w = wait.median();
    double t = wall.median();
    return Double.isFinite(w) && w >= 0 && Double.isFinite(t) && t > 0
        ? java.util.Optional.of(w / t)
        : java.util.Optional.empty();
  }

  /** A known metric's words, or neutral ones ("better"/"worse") for any other label. */
  public static VerdictMetric named(String metric) {
    return KNOWN.getOrDefault(metric, new VerdictMetric(metric, metric, "better", "worse"));
  }
}
