package dev.optbench.harness.runtime.cgroup;

import static dev.optbench.harness.metrics.ResourceUsage.UNKNOWN;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A cgroup v1 group: one directory per controller hierarchy. */
final class V1Cgroup implements Cgroup {
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
      Path procs = dir.resolve("cgroup.procs");
      byHierarchy.putIfAbsent(realOrSelf(dir), procs);
    }
    return new ArrayList<>(byHierarchy.values());
  }

  @Override
  public CgroupCounters read() {
    Path cpuacct = file("cpuacct", "");
    Path memory = file("memory", "");
    long[] io = V1Blkio.readBytes(file("blkio", "blkio.throttle.io_service_bytes"));
    return new CgroupCounters(
        CgroupFiles.readLong(cpuacct.resolve("cpuacct.usage")),
        CgroupFiles.readLong(cpuacct.resolve("cpuacct.usage_user")),
        CgroupFiles.readLong(cpuacct.resolve("cpuacct.usage_sys")),
        CgroupFiles.readLong(memory.resolve("memory.max_usage_in_bytes")),
        io[0],
        io[1],
        // oom_kill in memory.oom_control exists since Linux 4.13
        CgroupFiles.keyed(memory.resolve("memory.oom_control"), "oom_kill"),
        CgroupFiles.readLong(memory.resolve("memory.failcnt")));
  }

  @Override
  public void resetPeak() {
    Path peak = file("memory", "memory.max_usage_in_bytes");
    CgroupFiles.write(peak, "0");
  }

  @Override
  public double allowedCores(int hostLogicalCores) {
    Path cpuset = file("cpuset", "");
    String cpus = CgroupFiles.readString(cpuset.resolve("cpuset.effective_cpus"));
    if (cpus.isBlank()) {
      cpus = CgroupFiles.readString(cpuset.resolve("cpuset.cpus"));
    }
    Path cpu = file("cpu", "");
    long quota = CgroupFiles.readLong(cpu.resolve("cpu.cfs_quota_us")); // -1: no quota
    long period = CgroupFiles.readLong(cpu.resolve("cpu.cfs_period_us"));
    double quotaCores = quota > 0 && period > 0 ? (double) quota / period : UNKNOWN;
    return AllowedCores.of(cpus, quotaCores, hostLogicalCores);
  }

  @Override
  public List<Long> pids() {
    Set<Long> pids = new LinkedHashSet<>();
    for (Path procs : procsFiles()) {
      pids.addAll(CgroupKiller.parsePids(CgroupFiles.readString(procs)));
    }
    return List.copyOf(pids);
  }

  /** A file of one controller; a path that does not exist (reads UNKNOWN) if it is not mounted. */
  private Path file(String controller, String name) {
    Path dir = dirs.get(controller);
    Path base = dir != null ? dir : Path.of("/nonexistent-cgroup-controller", controller);
    return name.isEmpty() ? base : base.resolve(name);
  }

  private static Path realOrSelf(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir;
    }
  }
}
