package dev.optbench.harness.metrics.collect;

import static dev.optbench.harness.metrics.MetricSchema.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** cgroup v1: cpuacct, memory and blkio controllers, each in its own folder. */
final class CgroupV1StatsReader implements CgroupStatsReader {
  /** cpuacct.stat counts USER_HZ ticks; USER_HZ is 100 on every Linux ABI that matters. */
  private static final long NANOS_PER_USER_HZ_TICK = 10_000_000L;

  private final Path cpuacct;
  private final Path memory;
  private final Path blkio;

  /** Any folder may be null when the controller is not part of the target. */
  CgroupV1StatsReader(Path cpuacct, Path memory, Path blkio) {
    this.cpuacct = cpuacct;
    this.memory = memory;
    this.blkio = blkio;
  }

  @Override
  public Map<String, Double> read() throws IOException {
    Map<String, Double> values = new LinkedHashMap<>();
    if (cpuacct != null) {
      readCpu(values);
    }
    if (memory != null) {
      readMemory(values);
    }
    if (blkio != null) {
      readBlkio(values);
    }
    return values;
  }

  private void readCpu(Map<String, Double> values) throws IOException {
    put(values, CPU_USAGE_TOTAL, CgroupFiles.number(cpuacct, "cpuacct.usage"));
    OptionalLong user = CgroupFiles.number(cpuacct, "cpuacct.usage_user");
    OptionalLong system = CgroupFiles.number(cpuacct, "cpuacct.usage_sys");
    if (user.isPresent() && system.isPresent()) {
      put(values, CPU_USAGE_USER, user);
      put(values, CPU_USAGE_SYSTEM, system);
      return;
    }
    // Kernels before 4.6 only have cpuacct.stat, in ticks.
    Map<String, Long> stat = CgroupFiles.keyed(cpuacct, "cpuacct.stat");
    if (stat.containsKey("user") && stat.containsKey("system")) {
      values.put(CPU_USAGE_USER, (double) stat.get("user") * NANOS_PER_USER_HZ_TICK);
      values.put(CPU_USAGE_SYSTEM, (double) stat.get("system") * NANOS_PER_USER_HZ_TICK);
    }
  }

  private void readMemory(Map<String, Double> values) throws IOException {
    OptionalLong usage = CgroupFiles.number(memory, "memory.usage_in_bytes");
    put(values, MEMORY_USAGE, usage);
    // total_* include child cgroups, as usage_in_bytes does.
    Map<String, Long> stat = CgroupFiles.keyed(memory, "memory.stat");
    if (usage.isPresent() && stat.containsKey("total_inactive_file")) {
      // cAdvisor's working set: what the kernel cannot easily reclaim.
      values.put(
          MEMORY_WORKING_SET,
          (double) Math.max(0, usage.getAsLong() - stat.get("total_inactive_file")));
    }
    if (stat.containsKey("total_rss")) {
      values.put(MEMORY_RSS, (double) stat.get("total_rss"));
    }
    if (stat.containsKey("total_cache")) {
      values.put(MEMORY_CACHE, (double) stat.get("total_cache"));
    }
    put(values, MEMORY_MAX_USAGE, CgroupFiles.number(memory, "memory.max_usage_in_bytes"));
    put(values, MEMORY_FAILCNT, CgroupFiles.number(memory, "memory.failcnt"));
  }

  /**
   * Lines like "8:0 Read 4096" per device, then "Total N". Zero for buffered I/O unless a throttle
   * rule exists (a v1 quirk), which is why the throttle file is the one cAdvisor reads too.
   */
  private void readBlkio(Map<String, Double> values) throws IOException {
    List<String> lines = CgroupFiles.lines(blkio, "blkio.throttle.io_service_bytes");
    if (lines == null) {
      return;
    }
    long read = 0;
    long write = 0;
    for (String line : lines) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 3 && parts[1].equals("Read")) {
        read += Long.parseLong(parts[2]);
      } else if (parts.length == 3 && parts[1].equals("Write")) {
        write += Long.parseLong(parts[2]);
      }
    }
    values.put(FS_READ_BYTES, (double) read);
    values.put(FS_WRITE_BYTES, (double) write);
  }

  private static void put(Map<String, Double> values, String name, OptionalLong value) {
    value.ifPresent(v -> values.put(name, (double) v));
  }

  @Override
  public String describe() {
    return "cgroup v1 " + (memory != null ? memory : cpuacct);
  }
}
