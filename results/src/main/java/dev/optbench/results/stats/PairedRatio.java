package dev.optbench.results.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Bootstrap interval of the ratio candidate/baseline from same-round pairs: value {@code i} of both
 * samples was measured in round {@code i}, side by side, so whatever drifted between rounds (other
 * load, clock frequency, caches) moved both. Rounds, not values, are resampled: a replicate takes
 * round {@code i} for both sides or for neither, and the drift cancels in the ratio — which {@link
 * BootstrapRatio}, resampling each side on its own, counts as noise.
 */
public final class PairedRatio {
  private final Statistic statistic;
  private final int resamples;
  private final double confidence;

  public PairedRatio(Statistic statistic, int resamples, double confidence) {
    new BootstrapRatio(statistic, resamples, confidence); // same argument checks
    this.statistic = statistic;
    this.resamples = resamples;
    this.confidence = confidence;
  }

  /** Whether two samples can be paired by round: same, non-zero length. */
  public static boolean pairable(double[] baseline, double[] candidate) {
    return baseline.length > 0 && baseline.length == candidate.length;
  }

  public RatioEstimate estimate(double[] baseline, double[] candidate, long seed) {
    if (!pairable(baseline, candidate)) {
      throw new IllegalArgumentException(
          "paired samples need the same number of rounds, got "
              + baseline.length
              + " and "
              + candidate.length);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int n = baseline.length;
    double[] replicates = new double[resamples];
    double[] b = new double[n];
    double[] c = new double[n];
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < n; i++) {
        int round = random.nextInt(n);
        b[i] = baseline[round];
        c[i] = candidate[round];
      }
      replicates[r] = statistic.of(c) / statistic.of(b);
    }
    double[] sorted = replicates.clone();
    Arrays.sort(sorted);
    double tail = (1 - confidence) / 2;
    return new RatioEstimate(
        statistic.of(candidate) / statistic.of(baseline),
        BootstrapRatio.quantile(sorted, tail),
        BootstrapRatio.quantile(sorted, 1 - tail),
        confidence,
        replicates);
  }
}
