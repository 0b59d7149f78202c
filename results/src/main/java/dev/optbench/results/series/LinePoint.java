package dev.optbench.results.series;

import java.util.Map;

/**
 * One point of InfluxDB line protocol: {@code measurement,tag=v value=1.5 1700000000000000000}.
 * Only numeric fields are kept; optbench and cAdvisor write a single field named "value".
 *
 * @param timestampNanos nanoseconds since the epoch; {@link #NO_TIMESTAMP} when the line had none
 */
public record LinePoint(
    String measurement, Map<String, String> tags, Map<String, Double> fields, long timestampNanos) {
  public static final long NO_TIMESTAMP = Long.MIN_VALUE;

  public LinePoint {
    tags = Map.copyOf(tags);
    fields = Map.copyOf(fields);
  }

  public String tag(String name) {
    return tags.getOrDefault(name, "");
  }

  /** The "value" field, NaN when absent. */
  public double value() {
    return fields.getOrDefault("value", Double.NaN);
  }
}
