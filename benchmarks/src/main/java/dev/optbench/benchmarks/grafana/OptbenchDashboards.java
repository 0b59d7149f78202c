package dev.optbench.benchmarks.grafana;

import static dev.optbench.harness.metrics.MetricSchema.CPU_USAGE_SYSTEM;
import static dev.optbench.harness.metrics.MetricSchema.CPU_USAGE_TOTAL;
import static dev.optbench.harness.metrics.MetricSchema.CPU_USAGE_USER;
import static dev.optbench.harness.metrics.MetricSchema.FS_READ_BYTES;
import static dev.optbench.harness.metrics.MetricSchema.FS_WRITE_BYTES;
import static dev.optbench.harness.metrics.MetricSchema.MEMORY_CACHE;
import static dev.optbench.harness.metrics.MetricSchema.MEMORY_MAX_USAGE;
import static dev.optbench.harness.metrics.MetricSchema.MEMORY_RSS;
import static dev.optbench.harness.metrics.MetricSchema.MEMORY_USAGE;
import static dev.optbench.harness.metrics.MetricSchema.MEMORY_WORKING_SET;
import static dev.optbench.harness.metrics.MetricSchema.TAG_RUN_ID;
import static dev.optbench.harness.metrics.MetricSchema.TAG_UNIT;
import static dev.optbench.harness.metrics.MetricSchema.TAG_VARIANT;

import dev.optbench.benchmarks.grafana.Panel.Kind;
import dev.optbench.benchmarks.grafana.Panel.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboards optbench ships: variants side by side, and every unit of every run on its own.
 * Both draw the same resource panels, so a curve seen in one can be found in the other.
 */
public final class OptbenchDashboards {
  private OptbenchDashboards() {}

  /** CPU % of the cores the sandbox may use: 100 % means every allowed core was busy. */
  static final String CPU_PERCENT =
      " / " + InfluxQl.NANOS_PER_SECOND + " * 100 / $" + TemplateVariable.CORES;

  public static List<Dashboard> all() {
    return List.of(variants(), units());
  }

  static Dashboard variants() {
    InfluxQl q = new InfluxQl(List.of(TAG_VARIANT), false);
    return new Dashboard(
        "optbench-variants",
        "optbench: variants compared",
        "One line per variant: CPU, memory and I/O of the selected runs and units.",
        resourcePanels(q));
  }

  static Dashboard units() {
    InfluxQl q = new InfluxQl(List.of(TAG_VARIANT, TAG_RUN_ID, TAG_UNIT), true);
    List<Panel> panels = new ArrayList<>(resourcePanels(q));
    String note = " From samples; the exact per-unit totals (kernel counters) are in the results.";
    panels.add(
        new Panel(
            "Peak memory per unit",
            "memory_max_usage is reset before each unit, so its maximum is the unit's peak." + note,
            Kind.TABLE,
            "bytes",
            List.of(new Query(q.total("max", MEMORY_MAX_USAGE, ""), q.alias("")))));
    panels.add(
        new Panel(
            "CPU time per unit",
            "Growth of cpu_usage_total while the unit ran, in seconds." + note,
            Kind.TABLE,
            "s",
            List.of(
                new Query(
                    q.total("spread", CPU_USAGE_TOTAL, " / " + InfluxQl.NANOS_PER_SECOND),
                    q.alias("")))));
    return new Dashboard(
        "optbench-units",
        "optbench: units and runs",
        "One line per variant, run and unit; samples between units are left out.",
        panels);
  }

  private static List<Panel> resourcePanels(InfluxQl q) {
    return List.of(
        new Panel(
            "CPU %",
            "CPU time per second divided by the Cores variable (the cpuset size): 100 % = all busy.",
            Kind.TIME_SERIES,
            "percent",
            List.of(new Query(q.rate(CPU_USAGE_TOTAL, CPU_PERCENT), q.alias("")))),
        new Panel(
            "CPU % user / system",
            "Where the CPU time went: the program itself (user) or the kernel on its behalf.",
            Kind.TIME_SERIES,
            "percent",
            List.of(
                new Query(q.rate(CPU_USAGE_USER, CPU_PERCENT), q.alias("user")),
                new Query(q.rate(CPU_USAGE_SYSTEM, CPU_PERCENT), q.alias("system")))),
        gaugePanel(q, "Memory usage", MEMORY_USAGE, "Usage including page cache."),
        gaugePanel(
            q,
            "Memory working set",
            MEMORY_WORKING_SET,
            "Usage minus inactive file cache: what the kernel would not reclaim first."),
        gaugePanel(
            q,
            "Memory max usage",
            MEMORY_MAX_USAGE,
            "The kernel's peak counter, reset before each unit: catches peaks between samples."),
        new Panel(
            "Memory RSS / cache",
            "Anonymous memory (rss) and page cache.",
            Kind.TIME_SERIES,
            "bytes",
            List.of(
                new Query(q.gauge(MEMORY_RSS), q.alias("rss")),
                new Query(q.gauge(MEMORY_CACHE), q.alias("cache")))),
        new Panel(
            "Block I/O",
            "Bytes per second read and written to block devices (0 for I/O served by the cache).",
            Kind.TIME_SERIES,
            "Bps",
            List.of(
                new Query(q.rate(FS_READ_BYTES, ""), q.alias("read")),
                new Query(q.rate(FS_WRITE_BYTES, ""), q.alias("write")))));
  }

  private static Panel gaugePanel(InfluxQl q, String title, String measurement, String what) {
    return new Panel(
        title,
        what,
        Kind.TIME_SERIES,
        "bytes",
        List.of(new Query(q.gauge(measurement), q.alias(""))));
  }
}
