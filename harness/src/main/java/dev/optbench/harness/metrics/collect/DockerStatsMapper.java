package dev.optbench.harness.metrics.collect;

import static dev.optbench.harness.metrics.MetricSchema.*;

import com.github.dockerjava.api.model.BlkioStatEntry;
import com.github.dockerjava.api.model.BlkioStatsConfig;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.CpuUsageConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StatsConfig;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps one entry of the Docker engine's stats stream ({@code GET /containers/<id>/stats}) to the
 * schema's measurements, in the same units as the cgroup collector. What the engine gives:
 *
 * <ul>
 *   <li>{@code cpu_usage_total}: {@code cpu_stats.cpu_usage.total_usage}, ns (v1 cpuacct.usage, v2
 *       cpu.stat usage_usec × 1000) — as precise as the cgroup collector's;
 *   <li>{@code cpu_usage_user}/{@code _system}: {@code usage_in_usermode}/{@code _kernelmode}; on
 *       v1 the engine converts cpuacct.stat's clock ticks, so they move in 10 ms steps;
 *   <li>{@code memory_usage}: {@code memory_stats.usage}; on v1 the engine's number is
 *       usage_in_bytes itself (newer engines subtract the cache in the CLI, not in the API);
 *   <li>{@code memory_working_set}: usage minus inactive file pages, cAdvisor's rule (v1 {@code
 *       total_inactive_file}, v2 {@code inactive_file});
 *   <li>{@code memory_rss}, {@code memory_cache}: v1's {@code total_rss}/{@code total_cache}; the
 *       v2 keys ({@code anon}, {@code file}) have no field in docker-java's model, so on v2 they
 *       are left out;
 *   <li>{@code memory_max_usage}, {@code memory_failcnt}: v1 only (the engine omits them on v2, and
 *       omits failcnt when it is 0: then 0 is written, as the v1 file would say);
 *   <li>{@code fs_read_bytes}/{@code fs_write_bytes}: the sum over devices of {@code
 *       io_service_bytes_recursive} ({@code Read}/{@code Write} on v1, lower case on v2). On v1
 *       this is the CFQ/throttle counter, which stays 0 for buffered I/O, as the cgroup collector's
 *       does.
 * </ul>
 *
 * A missing section (a stopped container's entry has none) leaves its measurements out rather than
 * writing zeros.
 */
final class DockerStatsMapper {
  /** The engine's zero time, sent in the entries of a container that is not running. */
  private static final Instant NOT_RUNNING = Instant.parse("1970-01-02T00:00:00Z");

  private DockerStatsMapper() {}

  /** The entry as a reading at the engine's own read time; empty when it holds no reading. */
  static Optional<Reading> map(Statistics stats) {
    Optional<Instant> read = readTime(stats);
    if (read.isEmpty() || stats.getCpuStats() == null) {
      return Optional.empty();
    }
    Map<String, Double> values = new LinkedHashMap<>();
    cpu(stats.getCpuStats(), values);
    memory(stats.getMemoryStats(), values);
    io(stats.getBlkioStats(), values);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    Instant t = read.get();
    return Optional.of(new Reading(t.getEpochSecond() * 1_000_000_000L + t.getNano(), values));
  }

  /** The entry's {@code read} time; empty for the zero time of a container that is not running. */
  static Optional<Instant> readTime(Statistics stats) {
    if (stats.getRead() == null) {
      return Optional.empty();
    }
    try {
      Instant t = Instant.parse(stats.getRead());
      return t.isBefore(NOT_RUNNING) ? Optional.empty() : Optional.of(t);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void cpu(CpuStatsConfig cpu, Map<String, Double> values) {
    CpuUsageConfig usage = cpu.getCpuUsage();
    if (usage == null) {
      return;
    }
    put(values, CPU_USAGE_TOTAL, usage.getTotalUsage());
    put(values, CPU_USAGE_USER, usage.getUsageInUsermode());
    put(values, CPU_USAGE_SYSTEM, usage.getUsageInKernelmode());
  }

  private static void memory(MemoryStatsConfig memory, Map<String, Double> values) {
    if (memory == null || memory.getUsage() == null) {
      return;
    }
    long usage = memory.getUsage();
    put(values, MEMORY_USAGE, usage);
    StatsConfig s = memory.getStats();
    boolean v1 = memory.getMaxUsage() != null;
    if (s != null) {
      Long inactiveFile = v1 ? s.getTotalInactiveFile() : s.getInactiveFile();
      if (inactiveFile != null) {
        put(values, MEMORY_WORKING_SET, Math.max(0, usage - inactiveFile));
      }
      if (v1) {
        put(values, MEMORY_RSS, s.getTotalRss());
        put(values, MEMORY_CACHE, s.getTotalCache());
      }
    }
    if (v1) {
      put(values, MEMORY_MAX_USAGE, memory.getMaxUsage());
      put(values, MEMORY_FAILCNT, memory.getFailcnt() == null ? 0L : memory.getFailcnt());
    }
  }

  private static void io(BlkioStatsConfig blkio, Map<String, Double> values) {
    List<BlkioStatEntry> entries = blkio == null ? null : blkio.getIoServiceBytesRecursive();
    if (entries == null) {
      return; // v2 engines send null when io.stat has nothing yet; v1 an empty list
    }
    long read = 0;
    long write = 0;
    for (BlkioStatEntry e : entries) {
      if (e.getOp() == null || e.getValue() == null) {
        continue;
      }
      if (e.getOp().equalsIgnoreCase("read")) {
        read += e.getValue();
      } else if (e.getOp().equalsIgnoreCase("write")) {
        write += e.getValue();
      }
    }
    values.put(FS_READ_BYTES, (double) read);
    values.put(FS_WRITE_BYTES, (double) write);
  }

  private static void put(Map<String, Double> values, String name, Long value) {
    if (value != null && value >= 0) {
      values.put(name, (double) value);
    }
  }
}
