package dev.optbench.results.compare;

import dev.optbench.results.stats.MinimumSamples;
import dev.optbench.results.stats.Statistic;

/**
 * Settings of a comparison. Defaults: 5% threshold, alpha 0.05, 95% intervals from 10,000 bootstrap
 * resamples of the mean, a fixed seed so that the same files always give the same verdicts, the
 * minimum sample count derived from alpha ({@link MinimumSamples}; {@code minSamples} 0), samples
 * unpaired (two runs' files). {@code paired}: value {@code i} of both sides was measured in the
 * same round (an interleaved run), so ratios come from same-round pairs.
 */
public record CompareOptions(
    double maxRegression,
    double alpha,
    double confidence,
    int resamples,
    long seed,
    Statistic statistic,
    int minSamples,
    boolean paired) {

  public static final long DEFAULT_SEED = 0x0b7b_e9c4L;

  public CompareOptions {
    if (!(maxRegression >= 0 && maxRegression < 10)) {
      throw new IllegalArgumentException(
          "max regression must be a fraction like 0.05, got " + maxRegression);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
    if (minSamples != 0 && minSamples < 2) {
      throw new IllegalArgumentException(
          "min samples must be at least 2 (or 0: derived from alpha), got " + minSamples);
    }
  }

  public static CompareOptions defaults() {
    return new CompareOptions(0.05, 0.05, 0.95, 10_000, DEFAULT_SEED, Statistic.MEAN, 0, false);
  }

  public CompareOptions withMaxRegression(double fraction) {
    return new CompareOptions(
        fraction, alpha, confidence, resamples, seed, statistic, minSamples, paired);
  }

  public CompareOptions withResamples(int count) {
    return new CompareOptions(
        maxRegression, alpha, confidence, count, seed, statistic, minSamples, paired);
  }

  public CompareOptions withSeed(long value) {
    return new CompareOptions(
        maxRegression, alpha, confidence, resamples, value, statistic, minSamples, paired);
  }

  public CompareOptions withStatistic(Statistic value) {
    return new CompareOptions(
        maxRegression, alpha, confidence, resamples, seed, value, minSamples, paired);
  }

  public CompareOptions withMinSamples(int value) {
    return new CompareOptions(
        maxRegression, alpha, confidence, resamples, seed, statistic, value, paired);
  }

  public CompareOptions withAlpha(double value) {
    return new CompareOptions(
        maxRegression, value, confidence, resamples, seed, statistic, minSamples, paired);
  }

  public CompareOptions withPaired(boolean value) {
    return new CompareOptions(
        maxRegression, alpha, confidence, resamples, seed, statistic, minSamples, value);
  }

  /**
   * Values per side (pairs when paired) a verdict needs: the user's {@code --min-samples}, else the
   * fewest with which the rank test can reach significance at all at this alpha.
   */
  public int requiredSamples() {
    if (minSamples > 0) {
      return minSamples;
    }
    return paired ? MinimumSamples.paired(alpha) : MinimumSamples.unpaired(alpha);
  }

  /** Why {@link #requiredSamples()} is what it is, for the output. */
  public String requiredSamplesReason() {
    if (minSamples > 0) {
      return "set by --min-samples";
    }
    return String.format(
        java.util.Locale.ROOT,
        "with fewer, the %s test cannot reach p < %s whatever the data",
        paired ? "signed-rank" : "Mann-Whitney",
        alpha);
  }
}
