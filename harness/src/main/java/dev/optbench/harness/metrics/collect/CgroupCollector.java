package dev.optbench.harness.metrics.collect;

import dev.optbench.harness.metrics.Collector;
import dev.optbench.harness.metrics.CollectorSession;
import dev.optbench.harness.metrics.MetricsSink;
import dev.optbench.harness.runtime.MeasurementTarget;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Samples a target's cgroup files (v1 or v2) into cAdvisor-shaped samples, every 100 ms by default
 * rather than cAdvisor's 1 s, so short peaks show in the series. Works for Docker containers too:
 * with the cgroupfs driver their folders are {@code /sys/fs/cgroup/<controller>/docker/<id>}.
 */
public final class CgroupCollector implements Collector {
  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

  /** Readings per batch handed to the sink: one batch a second at the default interval. */
  private final int readingsPerBatch;

  public CgroupCollector(int readingsPerBatch) {
    this.readingsPerBatch = readingsPerBatch;
  }

  public CgroupCollector() {
    this(10);
  }

  @Override
  public CollectorSession attach(
      MeasurementTarget target, Duration interval, MetricsSink sink, Map<String, String> tags) {
    CgroupStatsReader reader = CgroupStatsReader.forTarget(target);
    StatsSource source =
        new StatsSource() {
          @Override
          public Optional<Reading> read() throws IOException {
            long now = EpochNanoClock.now(); // the read time, taken just before reading
            return Optional.of(new Reading(now, reader.read()));
          }

          @Override
          public String describe() {
            return reader.describe();
          }
        };
    return new PollingSession(
        source, SampleTags.of(target, tags), sink, interval, readingsPerBatch);
  }
}
