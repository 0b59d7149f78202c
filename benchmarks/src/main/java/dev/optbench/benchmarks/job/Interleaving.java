package dev.optbench.benchmarks.job;

import dev.optbench.benchmarks.jmh.RunFolder;
import dev.optbench.benchmarks.rounds.RoundOrder;
import dev.optbench.results.stats.MinimumSamples;
import java.io.PrintStream;
import java.util.List;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The rounds of an interleaved run from JMH's options (-i = rounds, -wi = warm-up rounds), written
 * to {@code rounds.json} and said out loud, including when the run is too small for any verdict.
 */
final class Interleaving {
  /** Paired verdicts need 6 rounds at alpha 0.05; 10 leaves room for contended re-runs. */
  static final int DEFAULT_ROUNDS = 10;

  static final double ALPHA = 0.05;

  private Interleaving() {}

  static RoundOrder order(
      CommandLineOptions jmh,
      JobSettings.Order settings,
      List<String> variants,
      List<String> units,
      RunFolder folder,
      PrintStream o) {
    int rounds = jmh.getMeasurementIterations().orElse(DEFAULT_ROUNDS);
    int warmups = jmh.getWarmupIterations().orElse(JmhLauncher.DEFAULT_WARMUPS);
    RoundOrder order = RoundOrder.shuffled(variants, units, warmups, rounds, settings.seed());
    order.write(folder.dir());
    o.printf(
        "%nrunning %d variants x %d units in %d interleaved rounds (+%d warm-up), each round in"
            + " a shuffled order (seed %d, in %s); one sandbox per variant for the whole run, in"
            + " this JVM; ratios from same-round pairs%n",
        variants.size(),
        units.size(),
        rounds,
        warmups,
        settings.seed(),
        folder.dir().resolve(RoundOrder.FILE));
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
}
