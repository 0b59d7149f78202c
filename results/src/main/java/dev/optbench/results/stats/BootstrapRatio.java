package dev.optbench.results.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile-bootstrap confidence interval for the ratio candidate/baseline of a location
 * statistic. Ratios, not differences, because benchmarks differ in scale by orders of magnitude and
 * flags act multiplicatively (Kalibera and Jones, "Quantifying performance changes with effect size
 * confidence intervals", 2012). Both samples are resampled independently, with replacement; a seed
 * makes the interval reproducible, which a CI gate needs.
 */
public final class BootstrapRatio {
  private final Statistic statistic;
  private final int resamples;
  private final double confidence;

  public BootstrapRatio(Statistic statistic, int resamples, double confidence) {
    if (resamples < 100) {
      throw new IllegalArgumentException(
          "bootstrap needs at least 100 resamples, got " + resamples);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    this.statistic = statistic;
    this.resamples = resamples;
    this.confidence = confidence;
  }

  public RatioEstimate estimate(double[] baseline, double[] candidate, long seed) {
    if (baseline.length == 0 || candidate.length == 0) {
      throw new IllegalArgumentException("both samples need at least one value");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] replicates = new double[resamples];
    double[] bufferBase = new double[baseline.length];
    double[] bufferCand = new double[candidate.length];
    for (int i = 0; i < resamples; i++) {
      double base = statistic.of(resample(baseline, bufferBase, random));
      double cand = statistic.of(resample(candidate, bufferCand, random));
      replicates[i] = cand / base;
    }
    double[] sorted = replicates.clone();
    Arrays.sort(sorted);
    double tail = (1 - confidence) / 2;
    return new RatioEstimate(
        statistic.of(candidate) / statistic.of(baseline),
        quantile(sorted, tail),
        quantile(sorted, 1 - tail),
        confidence,
        replicates);
  }

  private static double[] resample(double[] source, double[] into, SplittableRandom random) {
    for (int i = 0; i < into.length; i++) {
      into[i] = source[random.nextInt(source.length)];
    }
    return into;
  }

  /** Linear interpolation between order statistics (type 7, as R's default). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
