package dev.optbench.harness.cgroup;

import static dev.optbench.harness.metrics.ResourceUsage.UNKNOWN;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cgroup v1 group: one directory per controller hierarchy. A controller that is not part of it
 * reads as UNKNOWN; a controller folder that vanished is {@link CgroupGoneException}.
 */
final class V1Cgroup implements Cgroup {
  /** cpuacct.stat counts USER_HZ ticks; USER_HZ is 100 on every Linux ABI that matters. */
  private static final long NANOS_PER_USER_HZ_TICK = 10_000_000L;

  private final String path;
  private final Map<String, Path> dirs;

  V1Cgroup(String path, Map<String, Path> dirs) {
    this.path = path;
    this.dirs = new LinkedHashMap<>(dirs);
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Map<String, Path> dirs() {
    return Map.copyOf(dirs);
  }

  @Override
  public List<Path> procsFiles() {
    Map<Path, Path> byHierarchy = new LinkedHashMap<>();
    for (Path dir : dirs.values()) {
      byHierarchy.putIfAbsent(realOrSelf(dir), dir.resolve("cgroup.procs"));
    }
    return new ArrayList<>(byHierarchy.values());
  }

  @Override
  public CgroupCounters read() {
    long[] cpu = cpu();
    Map<String, Long> stat = keyed("memory", "memory.stat"); // total_*: children included
    long usage = core("memory", "memory.usage_in_bytes");
    long[] io = BlockIo.readV1(dirs.get("blkio"));
    return new CgroupCounters(
        cpu[0],
        cpu[1],
        cpu[2],
        usage,
        CgroupCounters.workingSet(usage, stat.getOrDefault("total_inactive_file", UNKNOWN)),
        stat.getOrDefault("total_rss", UNKNOWN),
        stat.getOrDefault("total_cache", UNKNOWN),
        number("memory", "memory.max_usage_in_bytes"),
        io[0],
        io[1],
        // oom_kill in memory.oom_control exists since Linux 4.13
        keyed("memory", "memory.oom_control").getOrDefault("oom_kill", UNKNOWN),
        number("memory", "memory.failcnt"),
        waitSum());
  }

  /**
   * The group's wait behind other groups (ns), from the cpu hierarchy's cpu.stat; only kernels with
   * schedstats switched on have it. Optional, so a group without a cpu folder reads unknown rather
   * than gone: the core counters above decide that.
   */
  private long waitSum() {
    Path dir = dirs.get("cpu");
    if (dir == null || !Files.isDirectory(dir)) {
      return UNKNOWN;
    }
    return CgroupFiles.readKeyed(dir, "cpu.stat").getOrDefault("wait_sum", UNKNOWN);
  }

  /** {total, user, system}; kernels before 4.6 have only cpuacct.stat, in ticks. */
  private long[] cpu() {
    long total = core("cpuacct", "cpuacct.usage");
    long user = number("cpuacct", "cpuacct.usage_user");
    long system = number("cpuacct", "cpuacct.usage_sys");
    if (user < 0 || system < 0) {
      Map<String, Long> ticks = keyed("cpuacct", "cpuacct.stat");
      user = ticks.getOrDefault("user", UNKNOWN);
      system = ticks.getOrDefault("system", UNKNOWN);
      user = user < 0 ? UNKNOWN : user * NANOS_PER_USER_HZ_TICK;
      system = system < 0 ? UNKNOWN : system * NANOS_PER_USER_HZ_TICK;
    }
    return new long[] {total, user, system};
  }

  @Override
  public void resetPeak() {
    Path memory = dirs.get("memory");
    if (memory != null) {
      CgroupFiles.write(memory.resolve("memory.max_usage_in_bytes"), "0");
    }
  }

  @Override
  public double allowedCores(int hostLogicalCores) {
    String cpus = text("cpuset", "cpuset.effective_cpus");
    if (cpus.isBlank()) {
      cpus = text("cpuset", "cpuset.cpus");
    }
    long quota = number("cpu", "cpu.cfs_quota_us"); // -1 (no quota) reads as UNKNOWN
    long period = number("cpu", "cpu.cfs_period_us");
    double quotaCores = quota > 0 && period > 0 ? (double) quota / period : UNKNOWN;
    return AllowedCores.of(cpus, quotaCores, hostLogicalCores);
  }

  @Override
  public List<Long> pids() {
    Set<Long> pids = new LinkedHashSet<>();
    for (Path procs : procsFiles()) {
      try {
        pids.addAll(
            CgroupKiller.parsePids(CgroupFiles.readString(procs.getParent(), "cgroup.procs")));
      } catch (CgroupGoneException e) {
        // a removed cgroup holds no processes
      }
    }
    return List.copyOf(pids);
  }

  private long number(String controller, String file) {
    Path dir = dirs.get(controller);
    return dir == null ? UNKNOWN : CgroupFiles.readLong(dir, file);
  }

  /** A file every group of the controller has: missing means the group is being removed. */
  private long core(String controller, String file) {
    Path dir = dirs.get(controller);
    return dir == null ? UNKNOWN : CgroupFiles.readCoreLong(dir, file);
  }

  private Map<String, Long> keyed(String controller, String file) {
    Path dir = dirs.get(controller);
    return dir == null ? Map.of() : CgroupFiles.readKeyed(dir, file);
  }

  private String text(String controller, String file) {
    Path dir = dirs.get(controller);
    return dir == null ? "" : CgroupFiles.readString(dir, file);
  }

  private static Path realOrSelf(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir;
    }
  }
}
