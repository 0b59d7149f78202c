package dev.optbench.results.jmh;

import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.model.Metric;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which round each value of an interleaved result was measured in. Value {@code i} comes from round
 * {@code i}, unless the result carries the secondary metric {@value #ROUND}, one value per
 * invocation naming its round: a variant that moved to another engine mid-run (its engine was lost)
 * has only the rounds after the move, and is paired with the baseline's values of those rounds, not
 * with the baseline's first ones.
 */
public final class Rounds {
  /**
   * The secondary metric naming each value's round, where value {@code i} is not round {@code i}.
   */
  public static final String ROUND = "round";

  private Rounds() {}

  /**
   * Both sides cut to the rounds both measured, in round order, without {@value #ROUND}: unchanged
   * when neither names its rounds (or a side has several forks, which rounds never do).
   */
  static Invocations.Kept common(BenchmarkResult baseline, BenchmarkResult candidate) {
    if (!named(baseline) && !named(candidate) || forks(baseline) != 1 || forks(candidate) != 1) {
      return new Invocations.Kept(baseline, candidate);
    }
    List<Integer> base = of(baseline);
    Set<Integer> both = new HashSet<>(base);
    both.retainAll(of(candidate));
    return new Invocations.Kept(only(baseline, both), only(candidate, both));
  }

  /** The round of each value of a one-fork result. */
  static List<Integer> of(BenchmarkResult r) {
    Metric round = r.secondaryMetrics().get(ROUND);
    List<Double> values = r.primaryMetric().rawData().get(0);
    List<Integer> rounds = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      rounds.add(named(r) ? round.rawData().get(0).get(i).intValue() : i);
    }
    return rounds;
  }

  private static boolean named(BenchmarkResult r) {
    Metric round = r.secondaryMetrics().get(ROUND);
    return round != null
        && round.rawData().size() == 1
        && forks(r) == 1
        && round.rawData().get(0).size() == r.primaryMetric().rawData().get(0).size();
  }

  private static int forks(BenchmarkResult r) {
    return r.primaryMetric().rawData().size();
  }

  /** Every per-invocation metric cut to the values of {@code keep}'s rounds; no {@value #ROUND}. */
  private static BenchmarkResult only(BenchmarkResult r, Set<Integer> keep) {
    List<Integer> rounds = of(r);
    Map<String, Metric> secondaries = new LinkedHashMap<>();
    r.secondaryMetrics()
        .forEach(
            (label, m) -> {
              if (!label.equals(ROUND)) {
                secondaries.put(label, only(m, rounds, keep));
              }
            });
    return r.withMetrics(only(r.primaryMetric(), rounds, keep), secondaries);
  }

  private static Metric only(Metric m, List<Integer> rounds, Set<Integer> keep) {
    if (m.rawData().size() != 1 || m.rawData().get(0).size() != rounds.size()) {
      return m; // not one value per invocation
    }
    List<Double> kept = new ArrayList<>();
    // in round order: a value of round r pairs with the other side's value of round r
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < rounds.size(); i++) {
      if (keep.contains(rounds.get(i))) {
        order.add(i);
      }
    }
    order.sort(java.util.Comparator.comparingInt(rounds::get));
    order.forEach(i -> kept.add(m.rawData().get(0).get(i)));
    return JmhMetrics.fromRaw(m.scoreUnit(), List.of(kept));
  }
}
