package dev.optbench.results.compare;

import dev.optbench.results.jmh.JmhSamples;
import dev.optbench.results.model.BenchmarkKey;
import dev.optbench.results.model.Metric;
import dev.optbench.results.stats.BootstrapRatio;
import dev.optbench.results.stats.EffectSize;
import dev.optbench.results.stats.MannWhitney;
import dev.optbench.results.stats.PairedRatio;
import dev.optbench.results.stats.RatioEstimate;
import dev.optbench.results.stats.SampleSummary;
import dev.optbench.results.stats.SignedRank;
import java.util.Arrays;
import java.util.Optional;

/**
 * Compares one metric of one benchmark: ratio interval, test, effect size, verdict. When the
 * options say the samples are paired by round and both sides have the same rounds, the verdict uses
 * the same-round pairs (bootstrap over rounds, signed-rank test); the independent interval is kept
 * beside it.
 */
final class MetricComparator {
  private final CompareOptions options;
  private final BootstrapRatio bootstrap;
  private final PairedRatio pairedBootstrap;
  private final VerdictRule rule;

  MetricComparator(CompareOptions options) {
    this.options = options;
    this.bootstrap =
        new BootstrapRatio(options.statistic(), options.resamples(), options.confidence());
    this.pairedBootstrap =
        new PairedRatio(options.statistic(), options.resamples(), options.confidence());
    this.rule = new VerdictRule(options);
  }

  Optional<MetricComparison> compare(BenchmarkKey key, String label, Metric base, Metric cand) {
    double[] b = JmhSamples.of(base);
    double[] c = JmhSamples.of(cand);
    boolean paired = options.paired() && PairedRatio.pairable(b, c);
    if (paired) {
      // A round without a value on one side (NaN: unreadable counter) leaves both sides.
      boolean[] keep = new boolean[b.length];
      for (int i = 0; i < b.length; i++) {
        keep[i] = !Double.isNaN(b[i]) && !Double.isNaN(c[i]);
      }
      b = kept(b, keep);
      c = kept(c, keep);
    }
    if (b.length == 0 || c.length == 0) {
      return Optional.empty(); // JMH run with -Djmh.json.rawData=false: nothing to resample
    }
    // A seed per row, stable across runs (String.hashCode is specified), independent across rows.
    long seed = options.seed() * 1_000_003L + (key.display() + "/" + label).hashCode();
    RatioEstimate unpaired = bootstrap.estimate(b, c, seed);
    RatioEstimate ratio = paired ? pairedBootstrap.estimate(b, c, seed) : unpaired;
    double p = paired ? SignedRank.pValue(b, c) : MannWhitney.pValue(b, c);
    Direction direction = Direction.ofUnit(base.scoreUnit());
    VerdictRule.Outcome outcome = rule.decide(direction, b.length, c.length, ratio, p);
    return Optional.of(
        new MetricComparison(
            key,
            label,
            base.scoreUnit(),
            direction,
            SampleSummary.of(b),
            SampleSummary.of(c),
            ratio,
            p,
            EffectSize.of(b, c),
            outcome.verdict(),
            outcome.note(),
            unpaired,
            paired));
  }

  private static double[] kept(double[] values, boolean[] keep) {
    double[] out = new double[values.length];
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (keep[i]) {
        out[n++] = values[i];
      }
    }
    return Arrays.copyOf(out, n);
  }
}
