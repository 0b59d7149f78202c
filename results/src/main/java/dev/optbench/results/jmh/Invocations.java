package dev.optbench.results.jmh;

import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.model.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which invocations of a benchmark succeeded. optbench's results carry a {@code failed} secondary
 * metric (1 for an invocation that exited non-zero, was killed, timed out or was OOM-killed) and an
 * {@code oom} one, one value per invocation like every other metric; a failed invocation's time and
 * memory describe a run cut short, so they must never enter a median, a ratio or a verdict. Results
 * without a {@code failed} metric (any other JMH benchmark) have no failures.
 */
public final class Invocations {
  public static final String FAILED = "failed";
  public static final String OOM = "oom";

  private Invocations() {}

  /** How many invocations the result holds (its {@code failed} metric's, else the primary's). */
  public static int total(BenchmarkResult r) {
    Metric failed = r.secondaryMetrics().get(FAILED);
    return (failed != null ? failed : r.primaryMetric()).samples().length;
  }

  /** Invocations marked failed (timed out, error exit, signal or OOM kill). */
  public static int failed(BenchmarkResult r) {
    return count(r.secondaryMetrics().get(FAILED));
  }

  /** Invocations the kernel's OOM killer ended (a subset of {@link #failed}). */
  public static int oomKilled(BenchmarkResult r) {
    return count(r.secondaryMetrics().get(OOM));
  }

  public static int succeeded(BenchmarkResult r) {
    return total(r) - failed(r);
  }

  /**
   * The result with every per-invocation metric cut to the invocations that succeeded, matched by
   * fork and index. {@code failed} and {@code oom} keep every invocation: they are the counts. Only
   * metrics shaped like {@code failed} (same forks, same lengths) are cut, which also makes this
   * idempotent: a result already cut is returned as it is.
   */
  public static BenchmarkResult successful(BenchmarkResult r) {
    Metric failed = r.secondaryMetrics().get(FAILED);
    if (failed == null || count(failed) == 0) {
      return r;
    }
    List<List<Double>> flags = failed.rawData();
    Map<String, Metric> secondaries = new LinkedHashMap<>();
    r.secondaryMetrics()
        .forEach(
            (label, m) ->
                secondaries.put(
                    label, label.equals(FAILED) || label.equals(OOM) ? m : cut(m, flags)));
    return r.withMetrics(cut(r.primaryMetric(), flags), secondaries);
  }

  private static Metric cut(Metric m, List<List<Double>> flags) {
    List<List<Double>> raw = m.rawData();
    if (!sameShape(raw, flags)) {
      return m;
    }
    List<List<Double>> kept = new ArrayList<>();
    for (int fork = 0; fork < raw.size(); fork++) {
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < raw.get(fork).size(); i++) {
        if (!(flags.get(fork).get(i) > 0)) {
          values.add(raw.get(fork).get(i));
        }
      }
      kept.add(values);
    }
    return JmhMetrics.fromRaw(m.scoreUnit(), kept);
  }

  private static boolean sameShape(List<List<Double>> a, List<List<Double>> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).size() != b.get(i).size()) {
        return false;
      }
    }
    return true;
  }

  private static int count(Metric m) {
    if (m == null) {
      return 0;
    }
    int n = 0;
    for (double v : m.samples()) {
      if (v > 0) {
        n++;
      }
    }
    return n;
  }
}
