package dev.optbench.results.jmh;

import dev.optbench.results.model.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-iteration values to compare for a metric. Most JMH modes store them in {@code rawData};
 * SampleTime stores a histogram per iteration instead ({@code rawDataHistogram}: forks, then
 * iterations, then {@code [value, count]} pairs), so its iteration means are used: the same unit of
 * repetition as every other mode, and not millions of correlated single calls.
 */
public final class JmhSamples {
  private JmhSamples() {}

  public static double[] of(Metric metric) {
    double[] raw = metric.samples();
    if (raw.length > 0 || !(metric.extra().get("rawDataHistogram") instanceof List<?> forks)) {
      return raw;
    }
    List<Double> means = new ArrayList<>();
    for (Object fork : forks) {
      for (Object iteration : (List<?>) fork) {
        double sum = 0;
        double count = 0;
        for (Object bucket : (List<?>) iteration) {
          List<?> pair = (List<?>) bucket;
          double value = ((Number) pair.get(0)).doubleValue();
          double n = ((Number) pair.get(1)).doubleValue();
          sum += value * n;
          count += n;
        }
        if (count > 0) {
          means.add(sum / count);
        }
      }
    }
    return means.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
