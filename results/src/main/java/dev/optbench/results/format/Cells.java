package dev.optbench.results.format;

import dev.optbench.results.compare.MetricComparison;

/**
 * A comparison row's ratio, change and interval as people read them: "same (0)" for a metric that
 * is 0 on both sides, and a reason instead of a number where no ratio exists. Shared by the
 * Markdown and text formats and the HTML report, so no output prints "NaN".
 */
public final class Cells {
  public static final String SAME_ZERO = "same (0)";

  private Cells() {}

  public static String ratio(MetricComparison r) {
    if (r.zeroInBoth()) {
      return SAME_ZERO;
    }
    return r.hasRatio() || Double.isFinite(r.ratio().ratio())
        ? Numbers.ratio(r.ratio().ratio())
        : "no ratio (" + whyNoRatio(r) + ")";
  }

  public static String change(MetricComparison r) {
    return r.zeroInBoth() ? "0" : Numbers.change(r.ratio().ratio());
  }

  public static String interval(MetricComparison r) {
    if (r.zeroInBoth()) {
      return "-";
    }
    return r.hasRatio() ? Numbers.interval(r.ratio().low(), r.ratio().high()) : whyNoRatio(r);
  }

  /** Why a row has no usable ratio or interval, in a few words. */
  public static String whyNoRatio(MetricComparison r) {
    if (r.baseline().min() == 0 && r.baseline().max() == 0) {
      return "baseline is 0";
    }
    if (r.baseline().min() <= 0) {
      return "baseline has 0 values";
    }
    return "too few values";
  }
}
