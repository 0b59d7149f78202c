package dev.optbench.harness.metrics.sink;

import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.metrics.Sample;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes samples as InfluxDB 1.x line protocol, the one encoding used by the file sink, the spool
 * and the InfluxDB writer, so a spooled line is byte-for-byte what would have been sent.
 *
 * <p>Hand-written because influxdb-java's {@code Point.lineProtocol()} formats numbers through a
 * locale-independent but lossy {@code NumberFormat} (max 340 fraction digits, grouping rules) and
 * allocates a builder per point; ours is a few lines and golden-file tested.
 *
 * <p>Every value is written as a float field, always: InfluxDB rejects a point whose field type
 * differs from earlier points of the same series (cAdvisor writes integers, so keep optbench data
 * in its own database). Timestamps are nanoseconds.
 */
public final class LineProtocol {
  private LineProtocol() {}

  public static String encode(Sample sample) {
    if (!Double.isFinite(sample.value())) {
      // Line protocol has no NaN/Inf; collectors only produce finite counters.
      throw new IllegalArgumentException("not a finite value: " + sample);
    }
    StringBuilder line = new StringBuilder(160);
    escape(sample.measurement(), false, line);
    // Sorted tags: InfluxDB's recommended order, and a stable golden file.
    for (Map.Entry<String, String> tag : new TreeMap<>(sample.tags()).entrySet()) {
      if (tag.getValue() == null || tag.getValue().isEmpty()) {
        continue; // an empty tag value is invalid line protocol; InfluxDB treats it as absent
      }
      line.append(',');
      escape(tag.getKey(), true, line);
      line.append('=');
      escape(tag.getValue(), true, line);
    }
    line.append(' ').append(MetricSchema.FIELD).append('=');
    line.append(formatValue(sample.value()));
    line.append(' ').append(sample.epochNanos());
    return line.toString();
  }

  /** Integral values print without a fraction ("42"), still parsed as float by InfluxDB. */
  static String formatValue(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value); // e.g. 0.25 or 1.0E20; InfluxDB parses both
  }

  /**
   * Escapes per the line protocol spec: commas and spaces everywhere, equals signs in tag keys and
   * values. A line break cannot be escaped, so it becomes a space.
   */
  private static void escape(String text, boolean escapeEquals, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.append("\\ ");
        continue;
      }
      if (c == ',' || c == ' ' || (escapeEquals && c == '=')) {
        out.append('\\');
      }
      out.append(c);
    }
  }
}
