package dev.optbench.benchmarks.job;

import dev.optbench.results.jmh.Invocations;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.model.Metric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How contended the run was, in one line: per variant, the median and the largest {@code cpu.wait}
 * (time the unit's main thread was runnable but not running) as a share of the same invocation's
 * wall time, and how many invocations were starved (over {@link Invocations#STARVED_WAIT_SHARE})
 * and so kept out of the verdicts: never silently.
 */
final class Contention {
  static final String WAIT = Invocations.WAIT;
  static final String WALL = Invocations.WALL;

  private Contention() {}

  /**
   * "contention (cpu.wait % of wall, median/max): O0 1.2/4.0, O2 0.9/31.5; 1 of 60 invocations
   * starved (cpu.wait over 25 % of wall), kept out of the verdicts".
   */
  static String line(Map<String, List<BenchmarkResult>> variants) {
    StringBuilder s = new StringBuilder("contention (cpu.wait % of wall, median/max):");
    boolean measured = false;
    String sep = " ";
    for (Map.Entry<String, List<BenchmarkResult>> v : variants.entrySet()) {
      List<Double> shares = shares(v.getValue());
      s.append(sep).append(v.getKey()).append(' ');
      sep = ", ";
      if (shares.isEmpty()) {
        s.append("n/a");
        continue;
      }
      measured = true;
      Collections.sort(shares);
      s.append(
          String.format(Locale.ROOT, "%.1f/%.1f", median(shares), shares.get(shares.size() - 1)));
    }
    if (!measured) {
      return "contention: not measured (cpu.wait unknown: no /proc/<pid>/schedstat here)";
    }
    int starved = 0;
    int total = 0;
    for (List<BenchmarkResult> results : variants.values()) {
      for (BenchmarkResult r : results) {
        starved += Invocations.starved(r);
        total += Invocations.total(r);
      }
    }
    return s.append(
            String.format(
                Locale.ROOT,
                "; %s of %d invocations starved (cpu.wait over %.0f %% of wall)%s",
                starved == 0 ? "none" : Integer.toString(starved),
                total,
                100 * Invocations.STARVED_WAIT_SHARE,
                starved == 0 ? "" : ", kept out of the verdicts"))
        .toString();
  }

  /** wait/wall per invocation, paired by position in the raw data (same invocation). */
  private static List<Double> shares(List<BenchmarkResult> results) {
    List<Double> shares = new ArrayList<>();
    for (BenchmarkResult r : results) {
      Metric wait = r.secondaryMetrics().get(WAIT);
      Metric wall = r.secondaryMetrics().get(WALL);
      if (wait == null || wall == null) {
        continue;
      }
      double[] w = wait.samples();
      double[] t = wall.samples();
      for (int i = 0; i < Math.min(w.length, t.length); i++) {
        if (Double.isFinite(w[i]) && w[i] >= 0 && t[i] > 0) {
          shares.add(100 * w[i] / t[i]);
        }
      }
    }
    return shares;
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
