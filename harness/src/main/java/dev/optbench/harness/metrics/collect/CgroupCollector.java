package dev.optbench.harness.metrics.collect;

import static dev.optbench.harness.metrics.MetricSchema.*;

import dev.optbench.harness.cgroup.Cgroup;
import dev.optbench.harness.cgroup.CgroupCounters;
import dev.optbench.harness.cgroup.CgroupGoneException;
import dev.optbench.harness.metrics.Collector;
import dev.optbench.harness.metrics.CollectorSession;
import dev.optbench.harness.metrics.MeasurementTarget;
import dev.optbench.harness.metrics.MetricsSink;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Samples a target's cgroup (v1 or v2, read by {@link Cgroup}) into cAdvisor-shaped samples, every
 * 100 ms by default rather than cAdvisor's 1 s, so short peaks show in the series. It only maps:
 * which file holds what, and what a missing or vanished file means, is the cgroup layer's business.
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

  /**
   * @throws IllegalArgumentException when the target has no cgroup folders (process runtime)
   */
  @Override
  public CollectorSession attach(
      MeasurementTarget target, Duration interval, MetricsSink sink, Map<String, String> tags) {
    Cgroup cgroup = Cgroup.of(target.name(), target.cgroupDirs());
    StatsSource source =
        new StatsSource() {
          @Override
          public Optional<Reading> read() throws SourceGoneException {
            long now = EpochNanoClock.now(); // the read time, taken just before reading
            try {
              return Optional.of(new Reading(now, values(cgroup.read())));
            } catch (CgroupGoneException e) {
              throw new SourceGoneException(e.getMessage());
            }
          }

          @Override
          public String describe() {
            return "cgroup " + cgroup.dirs().values();
          }
        };
    return new PollingSession(
        source, SampleTags.of(target, tags), sink, interval, readingsPerBatch);
  }

  /** The schema's measurements; counters the kernel does not offer are left out, not zero. */
  static Map<String, Double> values(CgroupCounters c) {
    Map<String, Double> values = new LinkedHashMap<>();
    put(values, CPU_USAGE_TOTAL, c.cpuTotalNanos());
    put(values, CPU_USAGE_USER, c.cpuUserNanos());
    put(values, CPU_USAGE_SYSTEM, c.cpuSystemNanos());
    put(values, MEMORY_USAGE, c.memoryUsageBytes());
    put(values, MEMORY_WORKING_SET, c.memoryWorkingSetBytes());
    put(values, MEMORY_RSS, c.memoryRssBytes());
    put(values, MEMORY_CACHE, c.memoryCacheBytes());
    put(values, MEMORY_MAX_USAGE, c.memoryPeakBytes());
    put(values, MEMORY_FAILCNT, c.limitHits());
    put(values, FS_READ_BYTES, c.ioReadBytes());
    put(values, FS_WRITE_BYTES, c.ioWriteBytes());
    return values;
  }

  private static void put(Map<String, Double> values, String name, long value) {
    if (value >= 0) {
      values.put(name, (double) value);
    }
  }
}
