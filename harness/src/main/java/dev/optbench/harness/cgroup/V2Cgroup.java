package dev.optbench.harness.cgroup;

import static dev.optbench.harness.metrics.ResourceUsage.UNKNOWN;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A cgroup v2 group: one directory in the unified hierarchy holding every controller's files. */
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
    // cpu.stat exists even without the cpu controller enabled; it counts microseconds.
    Map<String, Long> cpu = CgroupFiles.readCoreKeyed(dir, "cpu.stat");
    Map<String, Long> stat = CgroupFiles.readKeyed(dir, "memory.stat");
    Map<String, Long> events = CgroupFiles.readKeyed(dir, "memory.events");
    long usage = CgroupFiles.readLong(dir, "memory.current");
    long[] io = BlockIo.readV2(dir);
    return new CgroupCounters(
        micros(cpu.get("usage_usec")),
        micros(cpu.get("user_usec")),
        micros(cpu.get("system_usec")),
        usage,
        CgroupCounters.workingSet(usage, stat.getOrDefault("inactive_file", UNKNOWN)),
        stat.getOrDefault("anon", UNKNOWN),
        stat.getOrDefault("file", UNKNOWN),
        CgroupFiles.readLong(dir, "memory.peak"), // Linux 5.19+
        io[0],
        io[1],
        events.getOrDefault("oom_kill", UNKNOWN),
        events.getOrDefault("max", UNKNOWN), // closest v2 has to v1's failcnt
        micros(pressureSome()));
  }

  /**
   * memory.peak cannot be reset globally (since 6.12 a write resets it only for the writer's open
   * file), so v2 relies on each unit getting a fresh cgroup, which both runtimes do.
   */
  @Override
  public void resetPeak() {}

  @Override
  public double allowedCores(int hostLogicalCores) {
    String cpus = CgroupFiles.readString(dir, "cpuset.cpus.effective");
    String[] max = CgroupFiles.readString(dir, "cpu.max").strip().split("\\s+");
    double quotaCores = UNKNOWN;
    if (max.length == 2) {
      long quota = CgroupFiles.parseLong(max[0]); // "max": no quota
      long period = CgroupFiles.parseLong(max[1]);
      quotaCores = quota > 0 && period > 0 ? (double) quota / period : UNKNOWN;
    }
    return AllowedCores.of(cpus, quotaCores, hostLogicalCores);
  }

  @Override
  public List<Long> pids() {
    try {
      return CgroupKiller.parsePids(CgroupFiles.readString(dir, "cgroup.procs"));
    } catch (CgroupGoneException e) {
      return List.of(); // a removed cgroup holds no processes
    }
  }

  /** Microseconds, null where the kernel keeps no pressure (no PSI, or psi=0). */
  private Long pressureSome() {
    long us = CgroupFiles.pressureTotalMicros(dir, "cpu.pressure", "some");
    return us < 0 ? null : us;
  }

  private static long micros(Long usec) {
    return usec == null ? UNKNOWN : usec * 1000;
  }
}
