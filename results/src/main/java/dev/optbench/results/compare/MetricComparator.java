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

  private static boolean allZero(double[] values) {
    for (double v : values) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  Optional<MetricComparison> compare(BenchmarkKey key, String label, Metric base, Metric cand) {
    double[] b = JmhSamples.of(base);
    double[] c = JmhSamples.of(cand);
    if (base.rawData().isEmpty() || cand.rawData().isEmpty()) {
      return Optional.empty(); // JMH run with -Djmh.json.rawData=false: nothing to resample
    }
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
      return Optional.of(nothingToCompare(key, label, base, b, c)); // every invocation failed
    }
    Optional<MetricComparison> exact =
        ExactCounts.decide(key, label, base.scoreUnit(), b, c, options);
    if (exact.isPresent()) {
      return exact;
    }
    // A seed per row, stable across runs (String.hashCode is specified), independent across rows.
    long seed = options.seed() * 1_000_003L + (key.display() + "/" + label).hashCode();
    RatioEstimate unpaired = bootstrap.estimate(b, c, seed);
    RatioEstimate ratio = paired ? pairedBootstrap.estimate(b, c, seed) : unpaired;
    double p = paired ? SignedRank.pValue(b, c) : MannWhitney.pValue(b, c);
    Direction direction = Direction.of(label, base.scoreUnit());
    VerdictRule.Outcome outcome =
        allZero(b) && allZero(c) && Math.min(b.length, c.length) >= options.minSamples()
            // 0/0 has no ratio, yet nothing changed (no failures, no I/O on either side).
            ? new VerdictRule.Outcome(Verdict.NO_CHANGE, MetricComparison.ZERO_IN_BOTH)
            : rule.decide(direction, b.length, c.length, ratio, p);
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
            ExactCounts.UNIT.equals(base.scoreUnit())
                ? (ExactCounts.fallbackNote(b, c) + "; " + outcome.note()).replaceAll("; $", "")
                : outcome.note(),
            unpaired,
            paired));
  }

  /** A side without a single value: no ratio, no test, no verdict; the row says how many. */
  private MetricComparison nothingToCompare(
      BenchmarkKey key, String label, Metric base, double[] b, double[] c) {
    VerdictRule.Outcome outcome =
        rule.decide(Direction.of(label, base.scoreUnit()), b.length, c.length, null, Double.NaN);
    return new MetricComparison(
        key,
        label,
        base.scoreUnit(),
        Direction.of(label, base.scoreUnit()),
        SampleSummary.of(b),
        SampleSummary.of(c),
        new RatioEstimate(Double.NaN, Double.NaN, Double.NaN, options.confidence(), new double[0]),
        Double.NaN,
        new EffectSize(Double.NaN),
        outcome.verdict(),
        outcome.note(),
        new RatioEstimate(Double.NaN, Double.NaN, Double.NaN, options.confidence(), new double[0]),
        false);
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
