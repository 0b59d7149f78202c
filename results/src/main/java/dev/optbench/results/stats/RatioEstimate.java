package dev.optbench.results.stats;

/**
 * candidate/baseline of a location statistic with a bootstrap confidence interval. {@code
 * replicates} are the bootstrap ratios, kept so summaries across benchmarks (geometric mean) can
 * carry the uncertainty of each ratio into their own interval.
 */
public record RatioEstimate(
    double ratio, double low, double high, double confidence, double[] replicates) {

  /** high/low: relative width, comparable across benchmarks of any scale. */
  public double relativeWidth() {
    return high / low - 1;
  }

  public boolean contains(double value) {
    return low <= value && value <= high;
  }
}
