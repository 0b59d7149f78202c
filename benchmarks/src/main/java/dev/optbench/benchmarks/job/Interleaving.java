package dev.optbench.benchmarks.job;

import dev.optbench.benchmarks.jmh.RunFolder;
import dev.optbench.benchmarks.rounds.Pair;
import dev.optbench.benchmarks.rounds.PrecisionTarget;
import dev.optbench.benchmarks.rounds.RoundOrder;
import dev.optbench.harness.engine.Placement;
import dev.optbench.results.stats.MinimumSamples;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The rounds of an interleaved run from JMH's options (-i = rounds, -wi = warm-up rounds), written
 * to {@code rounds.json} and said out loud, including when the run is too small for any verdict.
 */
final class Interleaving {
  /**
   * Without -i a run starts with the 6 rounds a paired verdict needs at alpha 0.05 and adds rounds
   * while any variant's overall ratio (geometric mean over units) is wider than issue 13's goals,
   * ±{@link #DEFAULT_PRECISION_PERCENT} % on wall time or half that on CPU time when the run is
   * decided on CPU time, or a ratio is short of usable rounds because invocations were starved
   * ({@link PrecisionTarget}), up to {@link #DEFAULT_MAX_ROUNDS}: measured on the 2-core KVM
   * machines here, ±1.2–2.4 % after 6 rounds and ±0.7–1.4 % after 12, quiet or at load 4–6. -i N
   * asks for exactly N rounds.
   */
  static final int DEFAULT_ROUNDS = 6;

  static final double DEFAULT_PRECISION_PERCENT = 2;

  static final int DEFAULT_MAX_ROUNDS = 20;

  static final double ALPHA = 0.05;

  private Interleaving() {}

  static int rounds(CommandLineOptions jmh) {
    return jmh.getMeasurementIterations().orElse(DEFAULT_ROUNDS);
  }

  /**
   * The precision target from {@code --precision}/{@code --max-rounds}, checked before any long
   * work (once: {@link #order} is handed the result): {@link PrecisionTarget#OFF} without {@code
   * --precision}.
   */
  static PrecisionTarget precision(CommandLineOptions jmh, JobSettings.Order order) {
    if (order.maxRounds() < 0) {
      throw new IllegalArgumentException(
          "--max-rounds must be at least 1, got " + order.maxRounds());
    }
    if (order.precisionPercent() == 0) {
      if (!order.interleaved() || jmh.getMeasurementIterations().hasValue()) {
        if (order.maxRounds() != 0) {
          throw new IllegalArgumentException(
              "--max-rounds caps the rounds a --precision target adds, and -i asks for a fixed"
                  + " number of rounds; give --precision too (e.g. --precision 2) or drop -i");
        }
        return PrecisionTarget.OFF;
      }
      int max = order.maxRounds() == 0 ? DEFAULT_MAX_ROUNDS : order.maxRounds();
      if (max < DEFAULT_ROUNDS) {
        throw new IllegalArgumentException(
            "--max-rounds "
                + max
                + " is below the "
                + DEFAULT_ROUNDS
                + " rounds a run starts with");
      }
      return new PrecisionTarget(
          DEFAULT_PRECISION_PERCENT / 100, max, PrecisionTarget.Scope.VARIANT);
    }
    if (!order.interleaved()) {
      throw new IllegalArgumentException(
          "--precision adds interleaved rounds; JMH's own order (--order jmh) runs a fixed number"
              + " of iterations: drop one of the two");
    }
    int rounds = rounds(jmh);
    int max = order.maxRounds() == 0 ? 4 * rounds : order.maxRounds();
    if (max < rounds) {
      throw new IllegalArgumentException(
          "--max-rounds "
              + max
              + " is below the "
              + rounds
              + " rounds (-i) the run starts with; give at least "
              + rounds);
    }
    return new PrecisionTarget(order.precisionPercent() / 100, max);
  }

  static RoundOrder order(
      CommandLineOptions jmh,
      JobSettings.Order settings,
      PrecisionTarget target,
      List<String> variants,
      List<String> units,
      Optional<Placement> placement,
      RunFolder folder,
      PrintStream o) {
    int rounds = rounds(jmh);
    int warmups = jmh.getWarmupIterations().orElse(JmhLauncher.DEFAULT_WARMUPS);
    RoundOrder order =
        RoundOrder.shuffled(pairs(variants, units, placement), warmups, rounds, settings.seed());
    order.write(folder.dir());
    o.printf(
        "%nrunning %d variants x %d units in %d interleaved rounds (+%d warm-up, generated units"
            + " on 0.2 s of media), each round in"
            + " a shuffled order (seed %d, in %s); one sandbox per variant for the whole run, in"
            + " this JVM; ratios from same-round pairs%n",
        variants.size(),
        units.size(),
        rounds,
        warmups,
        settings.seed(),
        folder.dir().resolve(RoundOrder.FILE));
    placement.ifPresent(
        p ->
            o.printf(
                "  on %d engines (%s): a round runs every placed (variant, engine, unit) once;"
                    + " ratios only within an engine%n",
                p.engines().size(), p.summary()));
    if (target.active()) {
      o.printf(
          "  then more rounds until every %s 95 %% interval is within ±%s %%%s (%s) and starved"
              + " invocations left enough usable rounds, at most %d rounds in all%n",
          target.scope() == PrecisionTarget.Scope.UNIT
              ? "(variant, unit) ratio's"
              : "variant's overall ratio's (geometric mean over units)",
          new java.text.DecimalFormat(
                  "0.###", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
              .format(100 * target.halfWidth()),
          target.scope() == PrecisionTarget.Scope.UNIT
              ? ""
              : " on wall time (half that if the verdict rests on CPU time)",
          settings.precisionPercent() == 0 ? "the default without -i" : "--precision",
          target.maxRounds());
    }
    if (jmh.getForkCount().hasValue()) {
      o.println("  note: -f (forks) has no effect on interleaved rounds; --order jmh uses it.");
    }
    int needed = MinimumSamples.paired(ALPHA);
    if (rounds < needed) {
      o.printf(
          "  warning: %d rounds are too few for any verdict: with fewer than %d pairs the"
              + " signed-rank test cannot reach p < %s whatever the data (use -i %d or more)%n",
          rounds, needed, ALPHA, needed);
    }
    return order;
  }

  /** Plan order: variants, then the engines each is placed on, then units. */
  static List<Pair> pairs(List<String> variants, List<String> units, Optional<Placement> placed) {
    List<Pair> pairs = new ArrayList<>();
    for (String v : variants) {
      for (String e : placed.map(p -> p.enginesOf(v)).orElse(List.of(""))) {
        for (String u : units) {
          pairs.add(new Pair(v, e, u));
        }
      }
    }
    return pairs;
  }
}
