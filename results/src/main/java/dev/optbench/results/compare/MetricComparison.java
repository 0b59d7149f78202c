package dev.optbench.results.compare;

import dev.optbench.results.model.BenchmarkKey;
import dev.optbench.results.stats.EffectSize;
import dev.optbench.results.stats.RatioEstimate;
import dev.optbench.results.stats.SampleSummary;

/**
 * One row of a comparison: a benchmark's metric in baseline and candidate. {@code ratio} is always
 * candidate/baseline (so 1.10 is "10% more"); whether that is worse depends on {@code direction}.
 *
 * @param ratio the interval the verdict used: from same-round pairs when {@code paired}, else the
 *     independent bootstrap
 * @param pValue signed-rank test when {@code paired}, else Mann–Whitney
 * @param note a sentence for the user when the verdict needs one (too wide, too few), else ""
 * @param unpaired the independent bootstrap of both samples, always, to show beside a paired one
 * @param paired whether the values were paired by round (an interleaved run)
 */
public record MetricComparison(
    BenchmarkKey key,
    String metric,
    String unit,
    Direction direction,
    SampleSummary baseline,
    SampleSummary candidate,
    RatioEstimate ratio,
    double pValue,
    EffectSize effect,
    Verdict verdict,
    String note,
    RatioEstimate unpaired,
    boolean paired) {
  /** The note of a metric that is 0 in every value on both sides (no failures, no I/O...). */
  public static final String ZERO_IN_BOTH = "0 in both";

  /**
   * Every value 0 on both sides: no ratio exists, and none is needed (see {@link #ZERO_IN_BOTH}).
   */
  public boolean zeroInBoth() {
    return baseline.min() == 0
        && baseline.max() == 0
        && candidate.min() == 0
        && candidate.max() == 0;
  }

  /** A ratio and interval that can be drawn and printed: all finite, positive ends. */
  public boolean hasRatio() {
    return Double.isFinite(ratio.ratio())
        && Double.isFinite(ratio.low())
        && Double.isFinite(ratio.high())
        && ratio.low() > 0;
  }
}
