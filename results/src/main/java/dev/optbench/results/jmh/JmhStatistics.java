package dev.optbench.results.jmh;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The summary numbers JMH 1.37 prints for a metric, computed the way JMH computes them (its {@code
 * AbstractStatistics}/{@code ListStatistics}, which also use commons-math3), so a file written by
 * optbench outside JMH says what JMH would have said for the same raw values, to the last bit.
 * {@code JmhStatisticsTest} checks this against jmh-core itself.
 *
 * <p>Mean and variance are JMH's plain loops on purpose: commons-math3's compensated mean and
 * corrected two-pass variance are more exact, but differ from JMH's in the last bit for about half
 * of all samples, and then a file optbench writes is not the file JMH writes.
 */
public final class JmhStatistics {
  /** JMH reports a 99.9% confidence interval around the mean. */
  public static final double CONFIDENCE = 0.999;

  /** The percentile ranks JMH writes, in its order; keys are {@code String.valueOf(rank)}. */
  public static final List<Double> PERCENTILE_RANKS =
      List.of(0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0);

  private final double[] values;

  public JmhStatistics(double[] values) {
    this.values = values.clone();
  }

  /** JMH: the sum in order, divided by n. */
  public double mean() {
    if (values.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** JMH: squared deviations from {@link #mean()}, summed in order, over n - 1. */
  private double standardDeviation() {
    int n = values.length;
    if (n <= 1) {
      return Double.NaN;
    }
    double mean = mean();
    double squares = 0;
    for (double v : values) {
      squares += Math.pow(v - mean, 2);
    }
    return Math.sqrt(squares / (n - 1));
  }

  /** Half-width of the 99.9% Student-t interval; JMH gives NaN for fewer than 3 values. */
  public double meanError() {
    int n = values.length;
    if (n <= 2) {
      return Double.NaN;
    }
    double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    return t * standardDeviation() / Math.sqrt(n);
  }

  /** {@code [mean - error, mean + error]}, both NaN when the error is. */
  public List<Double> confidence() {
    double error = meanError();
    if (Double.isNaN(error)) {
      return List.of(Double.NaN, Double.NaN);
    }
    return List.of(mean() - error, mean() + error);
  }

  /** JMH: rank 0 is the minimum, others commons-math3's default Percentile estimate. */
  public double percentile(double rank) {
    if (values.length == 0) {
      return Double.NaN;
    }
    if (rank == 0) {
      return Arrays.stream(values).min().getAsDouble();
    }
    return new Percentile().evaluate(values, rank);
  }

  public Map<String, Double> percentiles() {
    Map<String, Double> result = new LinkedHashMap<>();
    for (double rank : PERCENTILE_RANKS) {
      result.put(String.valueOf(rank), percentile(rank));
    }
    return result;
  }
}
