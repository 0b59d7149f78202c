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
    boolean paired) {}
