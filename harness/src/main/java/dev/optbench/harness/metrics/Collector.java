package dev.optbench.harness.metrics;

import java.time.Duration;
import java.util.Map;

/** Samples a running container or cgroup into a sink, as cAdvisor does. */
public interface Collector {

  /**
   * Starts sampling {@code target} every {@code interval} until the session is closed.
   *
   * @param tags added to every sample (variant, run_id, engine, machine...)
   */
  CollectorSession attach(
      MeasurementTarget target, Duration interval, MetricsSink sink, Map<String, String> tags);
}
