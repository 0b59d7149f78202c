package dev.optbench.results.series;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resource time series per variant, ready to plot: CPU % derived from the cumulative {@code
 * cpu_usage_total} counter (as InfluxQL's non_negative_derivative would), memory in MiB from {@code
 * memory_usage}. Time is seconds since the variant's first sample, so variants that ran one after
 * another still overlay.
 */
public final class ResourceSeries {
  public static final String CPU_TOTAL = "cpu_usage_total";
  public static final String MEMORY_USAGE = "memory_usage";
  public static final String VARIANT = "variant";
  public static final String CONTAINER = "container_name";

  /** A plotted point: seconds since start, value. */
  public record Point(double seconds, double value) {}

  private ResourceSeries() {}

  /** CPU % per variant; 100% is one fully busy core. */
  public static Map<String, List<Point>> cpuPercent(List<LinePoint> points) {
    Map<String, List<Point>> result = new TreeMap<>();
    Map<String, Long> starts = starts(points);
    // The counter is per container: a new container restarts it, so derive within each one.
    Map<String, List<LinePoint>> counters = new LinkedHashMap<>();
    for (LinePoint p : timed(points, CPU_TOTAL)) {
      counters
          .computeIfAbsent(p.tag(VARIANT) + "\u0000" + p.tag(CONTAINER), k -> new ArrayList<>())
          .add(p);
    }
    for (List<LinePoint> series : counters.values()) {
      String variant = series.get(0).tag(VARIANT);
      List<Point> out = result.computeIfAbsent(variant, k -> new ArrayList<>());
      for (int i = 1; i < series.size(); i++) {
        LinePoint a = series.get(i - 1);
        LinePoint b = series.get(i);
        long dt = b.timestampNanos() - a.timestampNanos();
        double dv = b.value() - a.value();
        if (dt > 0 && dv >= 0) {
          out.add(new Point(seconds(b.timestampNanos() - starts.get(variant)), 100.0 * dv / dt));
        }
      }
    }
    result.values().forEach(list -> list.sort(Comparator.comparingDouble(Point::seconds)));
    return result;
  }

  /** Memory usage per variant in MiB. */
  public static Map<String, List<Point>> memoryMiB(List<LinePoint> points) {
    Map<String, List<Point>> result = new TreeMap<>();
    Map<String, Long> starts = starts(points);
    for (LinePoint p : timed(points, MEMORY_USAGE)) {
      String variant = p.tag(VARIANT);
      result
          .computeIfAbsent(variant, k -> new ArrayList<>())
          .add(
              new Point(
                  seconds(p.timestampNanos() - starts.get(variant)), p.value() / (1024 * 1024)));
    }
    return result;
  }

  private static List<LinePoint> timed(List<LinePoint> points, String measurement) {
    return points.stream()
        .filter(p -> p.measurement().equals(measurement))
        .filter(p -> p.timestampNanos() != LinePoint.NO_TIMESTAMP && !Double.isNaN(p.value()))
        .sorted(Comparator.comparingLong(LinePoint::timestampNanos))
        .toList();
  }

  private static Map<String, Long> starts(List<LinePoint> points) {
    Map<String, Long> starts = new LinkedHashMap<>();
    for (LinePoint p : points) {
      if (p.timestampNanos() != LinePoint.NO_TIMESTAMP) {
        starts.merge(p.tag(VARIANT), p.timestampNanos(), Math::min);
      }
    }
    return starts;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
