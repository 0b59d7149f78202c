package dev.optbench.results.stats;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/** Descriptive numbers of one sample, for tables: spread and outliers next to every verdict. */
public record SampleSummary(
    int n, double mean, double median, double stdDev, double min, double max, Outliers outliers) {

  public static SampleSummary of(double[] values) {
    DescriptiveStatistics d = new DescriptiveStatistics(values);
    return new SampleSummary(
        values.length,
        d.getMean(),
        d.getPercentile(50),
        values.length > 1 ? d.getStandardDeviation() : 0,
        d.getMin(),
        d.getMax(),
        Outliers.of(values));
  }

  /** Coefficient of variation: the noise level in percent of the mean. */
  public double cv() {
    return mean == 0 ? 0 : stdDev / Math.abs(mean);
  }
}
