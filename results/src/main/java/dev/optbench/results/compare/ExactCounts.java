package dev.optbench.results.compare;

import dev.optbench.results.model.BenchmarkKey;
import dev.optbench.results.stats.EffectSize;
import dev.optbench.results.stats.RatioEstimate;
import dev.optbench.results.stats.SampleSummary;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The deterministic path of the gate: instruction counts from valgrind repeat to a few instructions
 * in a billion for the same binary and input, so when every value on each side agrees within {@link
 * #REPEAT} the ratio of the two is the answer, with no statistical test (and no minimum sample
 * count: one pass per side decides). Counts that do not repeat (hardware counters, a
 * nondeterministic unit) go to the usual bootstrap and rank test.
 */
final class ExactCounts {
  /** The unit of counted instructions, the only metric decided this way. */
  static final String UNIT = "instructions";

  /** Largest relative spread (max/min - 1) on one side that still counts as repeating. */
  static final double REPEAT = 1e-4;

  private ExactCounts() {}

  static Optional<MetricComparison> decide(
      BenchmarkKey key, String label, String unit, double[] b, double[] c, CompareOptions options) {
    if (!UNIT.equals(unit) || !(spread(b) <= REPEAT && spread(c) <= REPEAT)) {
      return Optional.empty();
    }
    SampleSummary base = SampleSummary.of(b);
    SampleSummary cand = SampleSummary.of(c);
    double ratio = cand.median() / base.median();
    double upper = 1 + options.maxRegression();
    Verdict verdict =
        ratio > upper
            ? Verdict.REGRESSION
            : ratio < 1 / upper ? Verdict.IMPROVEMENT : Verdict.NO_CHANGE;
    String note =
        String.format(
            Locale.ROOT,
            "exact counts: %d vs %d values repeat within %.4f%% per side; decided from the"
                + " ratio %.5f, no statistical test",
            b.length,
            c.length,
            Math.max(spread(b), spread(c)) * 100,
            ratio);
    return Optional.of(
        new MetricComparison(
            key,
            label,
            unit,
            Direction.LOWER_IS_BETTER,
            base,
            cand,
            new RatioEstimate(ratio, ratio, ratio, 1.0, new double[] {ratio}),
            Double.NaN,
            EffectSize.of(b, c),
            verdict,
            note,
            new RatioEstimate(ratio, ratio, ratio, 1.0, new double[] {ratio}),
            false));
  }

  /** Note for counts that did not repeat and so went to the statistical test. */
  static String fallbackNote(double[] b, double[] c) {
    return String.format(
        Locale.ROOT,
        "counts vary by up to %.4f%% per side (over %.4f%%): statistical test",
        Math.max(spread(b), spread(c)) * 100,
        REPEAT * 100);
  }

  static double spread(double[] values) {
    double min = Arrays.stream(values).min().orElse(0);
    double max = Arrays.stream(values).max().orElse(0);
    return min > 0 ? max / min - 1 : Double.POSITIVE_INFINITY;
  }
}
