package dev.optbench.results.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Summary of many ratios (one per benchmark) as their geometric mean, the only mean that treats a
 * 2x speed-up and a 2x slow-down symmetrically. Its interval comes from combining the bootstrap
 * replicates of each ratio position by position: every replicate set is one plausible world, and
 * its geometric mean one plausible summary.
 */
public final class GeometricMean {
  private GeometricMean() {}

  public static RatioEstimate of(List<RatioEstimate> ratios) {
    if (ratios.isEmpty()) {
      throw new IllegalArgumentException("no ratios to summarise");
    }
    int resamples = ratios.stream().mapToInt(r -> r.replicates().length).min().orElseThrow();
    double[] summary = new double[resamples];
    for (int i = 0; i < resamples; i++) {
      double logSum = 0;
      for (RatioEstimate r : ratios) {
        logSum += Math.log(r.replicates()[i]);
      }
      summary[i] = Math.exp(logSum / ratios.size());
    }
    double point =
        Math.exp(ratios.stream().mapToDouble(r -> Math.log(r.ratio())).average().orElseThrow());
    double confidence = ratios.get(0).confidence();
    double[] sorted = summary.clone();
    Arrays.sort(sorted);
    double tail = (1 - confidence) / 2;
    return new RatioEstimate(
        point,
        BootstrapRatio.quantile(sorted, tail),
        BootstrapRatio.quantile(sorted, 1 - tail),
        confidence,
        summary);
  }
}
