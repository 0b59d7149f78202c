package dev.optbench.results.jmh;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The summary numbers JMH 1.37 prints for a metric, computed the way JMH computes them (its {@code
 * AbstractStatistics}/{@code ListStatistics}, which also use commons-math3), so a file written by
 * optbench outside JMH says what JMH would have said for the same raw values. {@code
 * JmhStatisticsTest} checks this against jmh-core itself.
 */
public final class JmhStatistics {
  /** JMH reports a 99.9% confidence interval around the mean. */
  public static final double CONFIDENCE = 0.999;

  /** The percentile ranks JMH writes, in its order; keys are {@code String.valueOf(rank)}. */
  public static final List<Double> PERCENTILE_RANKS =
      List.of(0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0);

  private final double[] values;
  private final DescriptiveStatistics stats;

  public JmhStatistics(double[] values) {
    this.values = values.clone();
    this.stats = new DescriptiveStatistics(this.values);
  }

  public double mean() {
    return values.length == 0 ? Double.NaN : stats.getMean();
  }

  /** Half-width of the 99.9% Student-t interval; JMH gives NaN for fewer than 3 values. */
  public double meanError() {
    int n = values.length;
    if (n <= 2) {
      return Double.NaN;
    }
    double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    return t * stats.getStandardDeviation() / Math.sqrt(n);
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
      return stats.getMin();
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
