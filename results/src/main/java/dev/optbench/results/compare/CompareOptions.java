package dev.optbench.results.compare;

import dev.optbench.results.stats.Statistic;

/**
 * Settings of a comparison. Defaults: 5% threshold, alpha 0.05, 95% intervals from 10,000 bootstrap
 * resamples of the mean, at least 5 values per side, a fixed seed so that the same files always
 * give the same verdicts.
 */
public record CompareOptions(
    double maxRegression,
    double alpha,
    double confidence,
    int resamples,
    long seed,
    Statistic statistic,
    int minSamples) {

  public static final long DEFAULT_SEED = 0x0b7b_e9c4L;

  public CompareOptions {
    if (!(maxRegression >= 0 && maxRegression < 10)) {
      throw new IllegalArgumentException(
          "max regression must be a fraction like 0.05, got " + maxRegression);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
    if (minSamples < 2) {
      throw new IllegalArgumentException("min samples must be at least 2, got " + minSamples);
    }
  }

  public static CompareOptions defaults() {
    return new CompareOptions(0.05, 0.05, 0.95, 10_000, DEFAULT_SEED, Statistic.MEAN, 5);
  }

  public CompareOptions withMaxRegression(double fraction) {
    return new CompareOptions(fraction, alpha, confidence, resamples, seed, statistic, minSamples);
  }

  public CompareOptions withResamples(int count) {
    return new CompareOptions(maxRegression, alpha, confidence, count, seed, statistic, minSamples);
  }

  public CompareOptions withSeed(long value) {
    return new CompareOptions(
        maxRegression, alpha, confidence, resamples, value, statistic, minSamples);
  }

  public CompareOptions withStatistic(Statistic value) {
    return new CompareOptions(maxRegression, alpha, confidence, resamples, seed, value, minSamples);
  }

  public CompareOptions withMinSamples(int value) {
    return new CompareOptions(maxRegression, alpha, confidence, resamples, seed, statistic, value);
  }

  public CompareOptions withAlpha(double value) {
    return new CompareOptions(
        maxRegression, value, confidence, resamples, seed, statistic, minSamples);
  }
}
