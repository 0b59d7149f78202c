package dev.optbench.harness.metrics;

import java.util.Map;

/**
 * One point of a time series, in cAdvisor's InfluxDB shape: one measurement per metric, a single
 * field {@code value}, and tags (see {@link MetricSchema}).
 *
 * @param measurement e.g. {@link MetricSchema#CPU_USAGE_TOTAL}
 * @param epochNanos time of the reading
 * @param value the reading, in the measurement's unit
 * @param tags {@code container_name}, {@code machine}, {@code variant}, {@code unit}, ...
 */
public record Sample(String measurement, long epochNanos, double value, Map<String, String> tags) {
  public Sample {
    tags = Map.copyOf(tags);
  }
}
