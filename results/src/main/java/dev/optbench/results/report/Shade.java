package dev.optbench.results.report;

import dev.optbench.results.compare.Direction;
import dev.optbench.results.compare.Verdict;
import dev.optbench.results.stats.RatioEstimate;

/**
 * The colour class of a summary interval, where no test stands behind it (geometric means): worse
 * or better when the whole interval lies beyond the threshold, no change when it lies inside the
 * band, else undecided.
 */
final class Shade {
  private Shade() {}

  static Verdict of(RatioEstimate r, double threshold, Direction direction) {
    boolean higherIsBetter = direction == Direction.HIGHER_IS_BETTER;
    double low = higherIsBetter ? 1 / r.high() : r.low();
    double high = higherIsBetter ? 1 / r.low() : r.high();
    if (low > 1 + threshold) {
      return Verdict.REGRESSION;
    }
    if (high < 1 / (1 + threshold)) {
      return Verdict.IMPROVEMENT;
    }
    return low >= 1 / (1 + threshold) && high <= 1 + threshold
        ? Verdict.NO_CHANGE
        : Verdict.INCONCLUSIVE;
  }

  /**
   * A heatmap cell's background: green for better, red for worse, the stronger the larger the
   * change (full at 2x); pale where the verdict is undecided, grey where nothing changed.
   */
  static String cell(double ratio, Direction direction, Verdict verdict) {
    if (verdict == Verdict.NO_CHANGE || !Double.isFinite(ratio) || ratio <= 0) {
      return "#eceff1";
    }
    double worse = direction == Direction.HIGHER_IS_BETTER ? -Math.log(ratio) : Math.log(ratio);
    double strength = Math.min(1, Math.abs(worse) / Math.log(2));
    boolean decided = verdict == Verdict.REGRESSION || verdict == Verdict.IMPROVEMENT;
    double t = decided ? 0.25 + 0.75 * strength : 0.08 + 0.25 * strength;
    int rgb = worse > 0 ? 0xc62828 : 0x2e7d32;
    return mix(rgb, t);
  }

  /** Whether text on that background should be white. */
  static boolean dark(double ratio, Direction direction, Verdict verdict) {
    if (!(verdict == Verdict.REGRESSION || verdict == Verdict.IMPROVEMENT) || ratio <= 0) {
      return false;
    }
    double worse = Math.abs(Math.log(ratio));
    return 0.25 + 0.75 * Math.min(1, worse / Math.log(2)) > 0.55;
  }

  private static String mix(int rgb, double t) {
    int r = (int) Math.round(255 + (((rgb >> 16) & 0xff) - 255) * t);
    int g = (int) Math.round(255 + (((rgb >> 8) & 0xff) - 255) * t);
    int b = (int) Math.round(255 + ((rgb & 0xff) - 255) * t);
    return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }
}
