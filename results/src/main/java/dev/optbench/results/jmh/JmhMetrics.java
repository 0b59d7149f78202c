package dev.optbench.results.jmh;

import dev.optbench.results.model.Metric;
import java.util.List;
import java.util.Map;

/** Builds a {@link Metric} with JMH's summary numbers from raw per-iteration values. */
public final class JmhMetrics {
  private JmhMetrics() {}

  /**
   * @param unit JMH-style unit, e.g. "s/op", "ms/op", "ops/s", "bytes", "ns"
   * @param rawData one list per fork (optbench: per container/process run), one value per measured
   *     iteration
   */
  public static Metric fromRaw(String unit, List<List<Double>> rawData) {
    double[] all =
        rawData.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
    JmhStatistics stats = new JmhStatistics(all);
    return new Metric(
        stats.mean(),
        stats.meanError(),
        stats.confidence(),
        stats.percentiles(),
        unit,
        rawData,
        Map.of());
  }

  /**
   * As JMH summarises a result aggregated by MAX (counters such as failures, where one bad
   * iteration must not average away): score = the largest value, scoreError NaN, confidence [score,
   * score] (what JMH 1.37 writes); percentiles as for any result.
   */
  public static Metric fromRawMax(String unit, List<List<Double>> rawData) {
    Metric m = fromRaw(unit, rawData);
    double max =
        rawData.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max().orElse(0);
    return new Metric(
        max, Double.NaN, List.of(max, max), m.scorePercentiles(), unit, rawData, Map.of());
  }
}
