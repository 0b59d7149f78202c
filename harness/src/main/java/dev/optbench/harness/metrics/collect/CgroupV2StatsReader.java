package dev.optbench.harness.metrics.collect;

import static dev.optbench.harness.metrics.MetricSchema.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** cgroup v2: one folder holding every controller's files. */
final class CgroupV2StatsReader implements CgroupStatsReader {
  private final Path dir;

  CgroupV2StatsReader(Path dir) {
    this.dir = dir;
  }

  @Override
  public Map<String, Double> read() throws IOException {
    Map<String, Double> values = new LinkedHashMap<>();
    // cpu.stat exists even without the cpu controller enabled; it counts microseconds.
    Map<String, Long> cpu = CgroupFiles.keyed(dir, "cpu.stat");
    putMicros(values, CPU_USAGE_TOTAL, cpu.get("usage_usec"));
    putMicros(values, CPU_USAGE_USER, cpu.get("user_usec"));
    putMicros(values, CPU_USAGE_SYSTEM, cpu.get("system_usec"));

    OptionalLong usage = CgroupFiles.number(dir, "memory.current");
    usage.ifPresent(v -> values.put(MEMORY_USAGE, (double) v));
    Map<String, Long> stat = CgroupFiles.keyed(dir, "memory.stat");
    if (usage.isPresent() && stat.containsKey("inactive_file")) {
      values.put(
          MEMORY_WORKING_SET, (double) Math.max(0, usage.getAsLong() - stat.get("inactive_file")));
    }
    putBytes(values, MEMORY_RSS, stat.get("anon"));
    putBytes(values, MEMORY_CACHE, stat.get("file"));
    // memory.peak appeared in Linux 5.19; absent before.
    CgroupFiles.number(dir, "memory.peak").ifPresent(v -> values.put(MEMORY_MAX_USAGE, (double) v));
    // "max": times usage hit memory.max, the closest v2 has to v1's failcnt.
    putBytes(values, MEMORY_FAILCNT, CgroupFiles.keyed(dir, "memory.events").get("max"));
    readIo(values);
    return values;
  }

  /** Lines like "8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=0 dios=0", one per device. */
  private void readIo(Map<String, Double> values) throws IOException {
    List<String> lines = CgroupFiles.lines(dir, "io.stat");
    if (lines == null) {
      return;
    }
    long read = 0;
    long write = 0;
    for (String line : lines) {
      for (String field : line.trim().split("\\s+")) {
        if (field.startsWith("rbytes=")) {
          read += Long.parseLong(field.substring(7));
        } else if (field.startsWith("wbytes=")) {
          write += Long.parseLong(field.substring(7));
        }
      }
    }
    values.put(FS_READ_BYTES, (double) read);
    values.put(FS_WRITE_BYTES, (double) write);
  }

  private static void putMicros(Map<String, Double> values, String name, Long micros) {
    if (micros != null) {
      values.put(name, micros * 1000.0);
    }
  }

  private static void putBytes(Map<String, Double> values, String name, Long value) {
    if (value != null) {
      values.put(name, (double) value);
    }
  }

  @Override
  public String describe() {
    return "cgroup v2 " + dir;
  }
}
