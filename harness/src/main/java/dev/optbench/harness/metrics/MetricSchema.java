package dev.optbench.harness.metrics;

import java.util.List;

/**
 * The one place that names measurements and tags. cAdvisor's InfluxDB storage driver writes one
 * measurement per metric with a single field {@code value} and tags {@code container_name} and
 * {@code machine}; optbench writes the same (so cAdvisor dashboards and queries work on its data)
 * and adds {@code variant}, {@code unit}, {@code run_id} and {@code engine}. Dashboards and queries
 * are generated from these constants.
 */
public final class MetricSchema {
  private MetricSchema() {}

  public static final String FIELD = "value";

  // Tags: cAdvisor's two, then optbench's.
  public static final String TAG_CONTAINER = "container_name";
  public static final String TAG_MACHINE = "machine";
  public static final String TAG_VARIANT = "variant";
  public static final String TAG_UNIT = "unit";
  public static final String TAG_RUN_ID = "run_id";
  public static final String TAG_ENGINE = "engine";

  /** Cumulative CPU time, nanoseconds (cpuacct.usage / cpu.stat usage_usec * 1000). */
  public static final String CPU_USAGE_TOTAL = "cpu_usage_total";

  /** Cumulative user CPU time, nanoseconds. */
  public static final String CPU_USAGE_USER = "cpu_usage_user";

  /** Cumulative system CPU time, nanoseconds. */
  public static final String CPU_USAGE_SYSTEM = "cpu_usage_system";

  /** Current memory usage including page cache, bytes (memory.usage_in_bytes / current). */
  public static final String MEMORY_USAGE = "memory_usage";

  /** Usage minus inactive file cache, bytes: what cAdvisor calls the working set. */
  public static final String MEMORY_WORKING_SET = "memory_working_set";

  /** Anonymous + swap-cache memory, bytes (memory.stat rss / anon). */
  public static final String MEMORY_RSS = "memory_rss";

  /** Page cache, bytes (memory.stat cache / file). */
  public static final String MEMORY_CACHE = "memory_cache";

  /** Peak usage since the last reset, bytes (max_usage_in_bytes / memory.peak). */
  public static final String MEMORY_MAX_USAGE = "memory_max_usage";

  /** Times the limit was hit (memory.failcnt / memory.events max). */
  public static final String MEMORY_FAILCNT = "memory_failcnt";

  /** Cumulative block I/O bytes read. */
  public static final String FS_READ_BYTES = "fs_read_bytes";

  /** Cumulative block I/O bytes written. */
  public static final String FS_WRITE_BYTES = "fs_write_bytes";

  public static final List<String> MEASUREMENTS =
      List.of(
          CPU_USAGE_TOTAL,
          CPU_USAGE_USER,
          CPU_USAGE_SYSTEM,
          MEMORY_USAGE,
          MEMORY_WORKING_SET,
          MEMORY_RSS,
          MEMORY_CACHE,
          MEMORY_MAX_USAGE,
          MEMORY_FAILCNT,
          FS_READ_BYTES,
          FS_WRITE_BYTES);
}
