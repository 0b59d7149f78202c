package dev.optbench.benchmarks.grafana;

import static dev.optbench.harness.metrics.MetricSchema.FIELD;
import static dev.optbench.harness.metrics.MetricSchema.TAG_RUN_ID;
import static dev.optbench.harness.metrics.MetricSchema.TAG_UNIT;
import static dev.optbench.harness.metrics.MetricSchema.TAG_VARIANT;

import java.util.List;
import java.util.stream.Collectors;

/**
 * InfluxQL 1.x queries over the cAdvisor-compatible schema, with Grafana's macros ({@code
 * $timeFilter}, {@code $__interval}) and our template variables left in for Grafana to fill.
 * Divisors are written out ({@code /1000000000}): InfluxQL 1.x does not parse {@code 1e9}.
 */
public final class InfluxQl {
  /** Nanoseconds per second: cpu_* counters are cumulative nanoseconds. */
  static final String NANOS_PER_SECOND = "1000000000";

  private final List<String> groupTags;
  private final boolean unitsOnly;

  /**
   * @param groupTags tags each series is split by (e.g. variant, or variant + run + unit)
   * @param unitsOnly drop samples taken between units (they carry no unit tag), so per-unit series
   *     hold only what a unit cost
   */
  public InfluxQl(List<String> groupTags, boolean unitsOnly) {
    this.groupTags = List.copyOf(groupTags);
    this.unitsOnly = unitsOnly;
  }

  /** Per-second rate of a cumulative counter, scaled by {@code scale} (e.g. "* 100 / $cores"). */
  public String rate(String measurement, String scale) {
    return "SELECT non_negative_derivative(max(\""
        + FIELD
        + "\"), 1s)"
        + scale
        + from(measurement)
        + " GROUP BY time($__interval), "
        + tags()
        + " fill(none)";
  }

  /** The highest value of a gauge per interval: peaks matter more than means for memory. */
  public String gauge(String measurement) {
    return "SELECT max(\""
        + FIELD
        + "\")"
        + from(measurement)
        + " GROUP BY time($__interval), "
        + tags()
        + " fill(none)";
  }

  /** One number per series over the whole time range, e.g. {@code max} or {@code spread}. */
  public String total(String function, String measurement, String scale) {
    return "SELECT "
        + function
        + "(\""
        + FIELD
        + "\")"
        + scale
        + from(measurement)
        + " GROUP BY "
        + tags();
  }

  /** The legend name Grafana builds from the grouping tags, e.g. "$tag_variant $tag_unit". */
  public String alias(String suffix) {
    String base = groupTags.stream().map(t -> "$tag_" + t).collect(Collectors.joining(" "));
    return suffix.isEmpty() ? base : base + " " + suffix;
  }

  private String from(String measurement) {
    return " FROM \""
        + measurement
        + "\" WHERE "
        + matches(TAG_RUN_ID)
        + " AND "
        + matches(TAG_VARIANT)
        + " AND "
        + matches(TAG_UNIT)
        + (unitsOnly ? " AND \"" + TAG_UNIT + "\" != ''" : "")
        + " AND $timeFilter";
  }

  /** Grafana writes a multi-value or All selection as a regex alternation; anchor it. */
  static String matches(String tag) {
    return "\"" + tag + "\" =~ /^$" + tag + "$/";
  }

  private String tags() {
    return groupTags.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", "));
  }
}
