package dev.optbench.harness.runtime.cgroup;

import static dev.optbench.harness.metrics.ResourceUsage.UNKNOWN;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A cgroup v2 group: one directory in the unified hierarchy. */
final class V2Cgroup implements Cgroup {
  static final String UNIFIED = "unified";

  private final String path;
  private final Path dir;

  V2Cgroup(String path, Path dir) {
    this.path = path;
    this.dir = dir;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Map<String, Path> dirs() {
    return Map.of(UNIFIED, dir);
  }

  @Override
  public List<Path> procsFiles() {
    return List.of(dir.resolve("cgroup.procs"));
  }

  @Override
  public CgroupCounters read() {
    Map<String, Long> cpu = CgroupFiles.readKeyed(dir.resolve("cpu.stat"));
    long[] io = readIoStat();
    return new CgroupCounters(
        micros(cpu.get("usage_usec")),
        micros(cpu.get("user_usec")),
        micros(cpu.get("system_usec")),
        CgroupFiles.readLong(dir.resolve("memory.peak")), // Linux 5.19+
        io[0],
        io[1],
        CgroupFiles.keyed(dir.resolve("memory.events"), "oom_kill"),
        CgroupFiles.keyed(dir.resolve("memory.events"), "max"));
  }

  /**
   * memory.peak cannot be reset globally (since 6.12 a write resets it only for the writer's open
   * file), so v2 relies on each unit getting a fresh cgroup, which the cgroup runtime does.
   */
  @Override
  public void resetPeak() {}

  @Override
  public double allowedCores(int hostLogicalCores) {
    String cpus = CgroupFiles.readString(dir.resolve("cpuset.cpus.effective"));
    String[] max = CgroupFiles.readString(dir.resolve("cpu.max")).strip().split("\\s+");
    double quotaCores = UNKNOWN;
    if (max.length == 2 && !max[0].equals("max")) {
      try {
        quotaCores = Double.parseDouble(max[0]) / Double.parseDouble(max[1]);
      } catch (NumberFormatException e) {
        quotaCores = UNKNOWN;
      }
    }
    return AllowedCores.of(cpus, quotaCores, hostLogicalCores);
  }

  @Override
  public List<Long> pids() {
    return CgroupKiller.parsePids(CgroupFiles.readString(dir.resolve("cgroup.procs")));
  }

  /** io.stat: "MAJ:MIN rbytes=N wbytes=N rios=N ..." per device; {read, write} summed. */
  private long[] readIoStat() {
    String text = CgroupFiles.readString(dir.resolve("io.stat"));
    if (!java.nio.file.Files.exists(dir.resolve("io.stat"))) {
      return new long[] {UNKNOWN, UNKNOWN};
    }
    long read = 0;
    long write = 0;
    for (String line : text.split("\n")) {
      for (String field : line.strip().split("\\s+")) {
        if (field.startsWith("rbytes=")) {
          read += Long.parseLong(field.substring(7));
        } else if (field.startsWith("wbytes=")) {
          write += Long.parseLong(field.substring(7));
        }
      }
    }
    return new long[] {read, write};
  }

  private static long micros(Long usec) {
    return usec == null ? UNKNOWN : usec * 1000;
  }
}
