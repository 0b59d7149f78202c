package dev.optbench.harness.metrics.collect;

import java.util.Map;

/**
 * One reading of a container's counters.
 *
 * @param epochNanos when the values were read (by us, or by cAdvisor)
 * @param values measurement name from {@link dev.optbench.harness.metrics.MetricSchema} to value
 */
public record Reading(long epochNanos, Map<String, Double> values) {
  public Reading {
    values = Map.copyOf(values);
  }
}
