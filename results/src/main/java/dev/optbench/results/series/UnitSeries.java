package dev.optbench.results.series;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resource series cut into invocations, so variants compare on the same clock: time since the
 * invocation started. The collector tags a sample with {@code unit} while an invocation runs and
 * leaves the tag off between invocations; a run of tagged samples of one container is one
 * invocation (a pause longer than three sampling intervals also ends one). CPU % is the derivative
 * of the cumulative {@code cpu_usage_total} counter (100 = one busy core), memory {@code
 * memory_usage} in MiB.
 */
public final class UnitSeries {
  public static final String UNIT = "unit";

  /** One invocation's series, seconds since its first sample. */
  public record Invocation(List<ResourceSeries.Point> cpu, List<ResourceSeries.Point> memory) {
    public double seconds() {
      double last = 0;
      for (ResourceSeries.Point p : cpu) {
        last = Math.max(last, p.seconds());
      }
      for (ResourceSeries.Point p : memory) {
        last = Math.max(last, p.seconds());
      }
      return last;
    }
  }

  private UnitSeries() {}

  /** unit → variant → invocations in the order they ran; units and variants sorted by name. */
  public static Map<String, Map<String, List<Invocation>>> of(List<LinePoint> points) {
    Map<String, List<LinePoint>> byContainer = new LinkedHashMap<>();
    for (LinePoint p : points) {
      if (p.timestampNanos() != LinePoint.NO_TIMESTAMP
          && !Double.isNaN(p.value())
          && (p.measurement().equals(ResourceSeries.CPU_TOTAL)
              || p.measurement().equals(ResourceSeries.MEMORY_USAGE))) {
        byContainer
            .computeIfAbsent(
                p.tag(ResourceSeries.VARIANT) + "\u0000" + p.tag(ResourceSeries.CONTAINER),
                k -> new ArrayList<>())
            .add(p);
      }
    }
    Map<String, Map<String, List<Invocation>>> result = new TreeMap<>();
    for (List<LinePoint> series : byContainer.values()) {
      series.sort(Comparator.comparingLong(LinePoint::timestampNanos));
      cut(series, result);
    }
    return result;
  }

  /** The invocation of median duration: the one to draw strong; the others are drawn faint. */
  public static int median(List<Invocation> invocations) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < invocations.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble(i -> invocations.get(i).seconds()));
    return order.isEmpty() ? -1 : order.get((order.size() - 1) / 2);
  }

  private static void cut(List<LinePoint> series, Map<String, Map<String, List<Invocation>>> out) {
    long gap = 3 * typicalInterval(series);
    String variant = series.get(0).tag(ResourceSeries.VARIANT);
    LinePoint previousCpu = null;
    String unit = "";
    long start = 0;
    long lastTagged = Long.MIN_VALUE;
    List<ResourceSeries.Point> cpu = null;
    List<ResourceSeries.Point> memory = null;
    for (LinePoint p : series) {
      String tag = p.tag(UNIT);
      boolean continues =
          !tag.isEmpty()
              && tag.equals(unit)
              && cpu != null
              && p.timestampNanos() - lastTagged <= gap;
      if (!continues) {
        unit = tag;
        cpu = null;
        memory = null;
        if (!tag.isEmpty()) {
          start = p.timestampNanos();
          cpu = new ArrayList<>();
          memory = new ArrayList<>();
          out.computeIfAbsent(tag, k -> new TreeMap<>())
              .computeIfAbsent(variant, k -> new ArrayList<>())
              .add(new Invocation(cpu, memory));
        }
      }
      boolean isCpu = p.measurement().equals(ResourceSeries.CPU_TOTAL);
      if (cpu != null) {
        lastTagged = p.timestampNanos();
        double seconds = (p.timestampNanos() - start) / 1e9;
        if (!isCpu) {
          memory.add(new ResourceSeries.Point(seconds, p.value() / (1024 * 1024)));
        } else if (previousCpu != null) {
          long dt = p.timestampNanos() - previousCpu.timestampNanos();
          double dv = p.value() - previousCpu.value();
          if (dt > 0 && dv >= 0) {
            cpu.add(new ResourceSeries.Point(seconds, 100.0 * dv / dt));
          }
        }
      }
      if (isCpu) {
        previousCpu = p;
      }
    }
  }

  /** The median step between distinct timestamps: the sampling interval, whatever it was set to. */
  private static long typicalInterval(List<LinePoint> series) {
    List<Long> steps = new ArrayList<>();
    long last = Long.MIN_VALUE;
    for (LinePoint p : series) {
      if (last != Long.MIN_VALUE && p.timestampNanos() > last) {
        steps.add(p.timestampNanos() - last);
      }
      last = Math.max(last, p.timestampNanos());
    }
    if (steps.isEmpty()) {
      return 1_000_000_000L;
    }
    steps.sort(Long::compare);
    return steps.get(steps.size() / 2);
  }
}
