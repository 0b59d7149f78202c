package dev.optbench.results.jmh;

import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.model.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which invocations of a benchmark may be compared. optbench's results carry a {@code failed}
 * secondary metric (1 for an invocation that exited non-zero, was killed, timed out or was
 * OOM-killed) and an {@code oom} one, one value per invocation like every other metric; a failed
 * invocation's time and memory describe a run cut short, so they must never enter a median, a ratio
 * or a verdict. A <em>starved</em> invocation ran to the end but its main thread waited for a CPU
 * ({@code cpu.wait}) for more than {@link #STARVED_WAIT_SHARE} of its wall time: its wall time
 * measures the machine's other load, so it is kept out of comparisons too, and counted. Results
 * without these metrics (any other JMH benchmark) have neither.
 */
public final class Invocations {
  public static final String FAILED = "failed";
  public static final String OOM = "oom";
  public static final String WAIT = "cpu.wait";
  public static final String WALL = "wall";

  /**
   * Share of an invocation's wall time spent runnable but not running above which it is starved.
   * Measured on a loaded 2-core machine (README, "Contention"): alone or beside a busy loop of
   * default weight 0.7-3.5 %; beside a loop of equal weight 50-80 %. A quarter sits well between.
   */
  public static final double STARVED_WAIT_SHARE = 0.25;

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

  /** Invocations that succeeded but were starved (see {@link #STARVED_WAIT_SHARE}). */
  public static int starved(BenchmarkResult r) {
    List<List<Boolean>> failed = flags(r.secondaryMetrics().get(FAILED), reference(r));
    List<List<Boolean>> starved = starvedFlags(r);
    int n = 0;
    for (int fork = 0; fork < starved.size(); fork++) {
      for (int i = 0; i < starved.get(fork).size(); i++) {
        if (starved.get(fork).get(i) && !failed.get(fork).get(i)) {
          n++;
        }
      }
    }
    return n;
  }

  /** A baseline and a candidate cut to the invocations that may be compared. */
  public record Kept(BenchmarkResult baseline, BenchmarkResult candidate) {}

  /**
   * Both sides cut to what may be compared: invocations that neither failed nor were starved. When
   * the values are paired by round (an interleaved run, where value {@code i} of each side was
   * measured in round {@code i}, or in the round {@link Rounds#ROUND} names: then both sides are
   * first cut to the rounds both measured) and both sides have the same rounds, a round is dropped
   * from <em>both</em> sides when either side's invocation failed or was starved, so that the
   * remaining values stay same-round pairs; otherwise each side is cut on its own. {@code failed}
   * and {@code oom} keep every invocation: they are the counts.
   */
  public static Kept comparable(
      BenchmarkResult baseline, BenchmarkResult candidate, boolean pairedByRound) {
    // a side that names its rounds (Rounds.ROUND) pairs by those rounds
    Kept sides = pairedByRound ? Rounds.common(baseline, candidate) : new Kept(baseline, candidate);
    return withoutDropped(sides.baseline(), sides.candidate(), pairedByRound);
  }

  private static Kept withoutDropped(
      BenchmarkResult baseline, BenchmarkResult candidate, boolean pairedByRound) {
    List<List<Boolean>> dropBase = dropped(baseline);
    List<List<Boolean>> dropCand = dropped(candidate);
    if (pairedByRound && sameShape(dropBase, dropCand)) {
      List<List<Boolean>> either = or(dropBase, dropCand);
      return new Kept(cut(baseline, either), cut(candidate, either));
    }
    return new Kept(cut(baseline, dropBase), cut(candidate, dropCand));
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
    return cut(r, flags(failed, failed.rawData()));
  }

  /** Per fork and invocation: failed or starved. */
  private static List<List<Boolean>> dropped(BenchmarkResult r) {
    return or(flags(r.secondaryMetrics().get(FAILED), reference(r)), starvedFlags(r));
  }

  /** The shape every per-invocation metric has: the {@code failed} metric's, else the primary's. */
  private static List<List<Double>> reference(BenchmarkResult r) {
    Metric failed = r.secondaryMetrics().get(FAILED);
    return (failed != null ? failed : r.primaryMetric()).rawData();
  }

  /** {@code m}'s values as flags (value above 0) in {@code shape}; all false without {@code m}. */
  private static List<List<Boolean>> flags(Metric m, List<List<Double>> shape) {
    List<List<Boolean>> flags = new ArrayList<>();
    boolean usable = m != null && sameShape(m.rawData(), shape);
    for (int fork = 0; fork < shape.size(); fork++) {
      List<Boolean> f = new ArrayList<>();
      for (int i = 0; i < shape.get(fork).size(); i++) {
        f.add(usable && m.rawData().get(fork).get(i) > 0);
      }
      flags.add(f);
    }
    return flags;
  }

  /** Per invocation: cpu.wait above the starved share of wall (unknown wait: not starved). */
  private static List<List<Boolean>> starvedFlags(BenchmarkResult r) {
    List<List<Double>> shape = reference(r);
    Metric wait = r.secondaryMetrics().get(WAIT);
    Metric wall = r.secondaryMetrics().get(WALL);
    boolean usable =
        wait != null
            && wall != null
            && sameShape(wait.rawData(), shape)
            && sameShape(wall.rawData(), shape);
    List<List<Boolean>> flags = new ArrayList<>();
    for (int fork = 0; fork < shape.size(); fork++) {
      List<Boolean> f = new ArrayList<>();
      for (int i = 0; i < shape.get(fork).size(); i++) {
        f.add(
            usable
                && wait.rawData().get(fork).get(i)
                    > STARVED_WAIT_SHARE * wall.rawData().get(fork).get(i));
      }
      flags.add(f);
    }
    return flags;
  }

  private static List<List<Boolean>> or(List<List<Boolean>> a, List<List<Boolean>> b) {
    List<List<Boolean>> result = new ArrayList<>();
    for (int fork = 0; fork < a.size(); fork++) {
      List<Boolean> f = new ArrayList<>();
      for (int i = 0; i < a.get(fork).size(); i++) {
        f.add(a.get(fork).get(i) || b.get(fork).get(i));
      }
      result.add(f);
    }
    return result;
  }

  /**
   * The result with every per-invocation metric but {@code failed} and {@code oom} cut to the
   * invocations not flagged. Only metrics shaped like the flags are cut, which also makes cutting
   * idempotent: a result already cut is returned as it is.
   */
  private static BenchmarkResult cut(BenchmarkResult r, List<List<Boolean>> drop) {
    if (drop.stream().flatMap(List::stream).noneMatch(Boolean::booleanValue)) {
      return r;
    }
    Map<String, Metric> secondaries = new LinkedHashMap<>();
    r.secondaryMetrics()
        .forEach(
            (label, m) ->
                secondaries.put(
                    label, label.equals(FAILED) || label.equals(OOM) ? m : cut(m, drop)));
    return r.withMetrics(cut(r.primaryMetric(), drop), secondaries);
  }

  private static Metric cut(Metric m, List<List<Boolean>> drop) {
    List<List<Double>> raw = m.rawData();
    if (!sameShape(raw, drop)) {
      return m;
    }
    List<List<Double>> kept = new ArrayList<>();
    for (int fork = 0; fork < raw.size(); fork++) {
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < raw.get(fork).size(); i++) {
        if (!drop.get(fork).get(i)) {
          values.add(raw.get(fork).get(i));
        }
      }
      kept.add(values);
    }
    return JmhMetrics.fromRaw(m.scoreUnit(), kept);
  }

  private static boolean sameShape(List<? extends List<?>> a, List<? extends List<?>> b) {
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
