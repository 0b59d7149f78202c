package dev.optbench.benchmarks.grafana;

import static dev.optbench.harness.metrics.MetricSchema.CPU_USAGE_TOTAL;
import static dev.optbench.harness.metrics.MetricSchema.TAG_RUN_ID;
import static dev.optbench.harness.metrics.MetricSchema.TAG_UNIT;
import static dev.optbench.harness.metrics.MetricSchema.TAG_VARIANT;

import java.util.List;

/**
 * A dashboard variable. Tag variables list the values InfluxDB holds (each narrowed by the ones
 * before it, so picking a run offers only its variants); {@code cores} is typed in because no
 * series records how many CPUs the sandbox had.
 *
 * @param query InfluxQL for tag variables, the default value for the textbox
 */
public record TemplateVariable(String name, String label, boolean isTag, String query) {
  /** The CPU count CPU % is divided by: the size of the sandbox cpuset (optbench's default: 1). */
  public static final String CORES = "cores";

  static final String DEFAULT_CORES = "1";

  /** run_id, variant, unit (tags, multi-select with All) and cores (textbox). */
  public static List<TemplateVariable> all() {
    return List.of(
        tag(TAG_RUN_ID, "Run", ""),
        tag(TAG_VARIANT, "Variant", " WHERE " + InfluxQl.matches(TAG_RUN_ID)),
        tag(
            TAG_UNIT,
            "Unit",
            " WHERE " + InfluxQl.matches(TAG_RUN_ID) + " AND " + InfluxQl.matches(TAG_VARIANT)),
        new TemplateVariable(CORES, "Cores (cpuset size)", false, DEFAULT_CORES));
  }

  private static TemplateVariable tag(String tag, String label, String where) {
    String query =
        "SHOW TAG VALUES FROM \"" + CPU_USAGE_TOTAL + "\" WITH KEY = \"" + tag + "\"" + where;
    return new TemplateVariable(tag, label, true, query);
  }
}
