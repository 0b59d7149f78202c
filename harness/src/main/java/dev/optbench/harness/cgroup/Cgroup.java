package dev.optbench.harness.cgroup;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One cgroup (in every hierarchy it spans on v1, or the one v2 directory). */
public interface Cgroup {

  /** Path below the cgroup root, e.g. {@code optbench/run-1/O2/unit-3}, or a description. */
  String path();

  /** Controller ("memory", "cpuacct"...; "unified" on v2) to this cgroup's directory. */
  Map<String, Path> dirs();

  /** One {@code cgroup.procs} per distinct hierarchy: what a task writes its pid to to join. */
  List<Path> procsFiles();

  /**
   * The kernel counters now (see {@link CgroupFiles} for missing files).
   *
   * @throws CgroupGoneException when the cgroup's folder no longer exists
   */
  CgroupCounters read();

  /** Resets the peak-memory counter where the kernel allows it (v1 always; v2 from 6.12). */
  void resetPeak();

  /** Cores the cgroup's tasks may use (cpuset and quota), capped at {@code hostLogicalCores}. */
  double allowedCores(int hostLogicalCores);

  /** Processes now in the cgroup; none once it is gone. */
  List<Long> pids();

  /**
   * An existing cgroup given by its folders, e.g. a sandbox's {@code MeasurementTarget}: v1
   * controller keys ({@code cpuacct}, {@code memory}, {@code blkio}; hybrid hosts also list
   * "unified", without controllers) mean v1, otherwise {@code unified} means v2.
   *
   * @throws IllegalArgumentException when {@code dirs} names no cgroup folder
   */
  static Cgroup of(String name, Map<String, Path> dirs) {
    Map<String, Path> v1 = new LinkedHashMap<>(dirs);
    v1.remove(V2Cgroup.UNIFIED);
    // Runtimes name the CPU accounting folder after its mount: cpuacct, cpu,cpuacct or cpu.
    Path cpuacct = dirs.getOrDefault("cpu,cpuacct", dirs.get("cpu"));
    if (cpuacct != null) {
      v1.putIfAbsent("cpuacct", cpuacct);
    }
    if (v1.containsKey("cpuacct") || v1.containsKey("memory") || v1.containsKey("blkio")) {
      return new V1Cgroup(name, v1);
    }
    if (dirs.containsKey(V2Cgroup.UNIFIED)) {
      return new V2Cgroup(name, dirs.get(V2Cgroup.UNIFIED));
    }
    throw new IllegalArgumentException(
        name + " has no cgroup folders (got " + dirs.keySet() + "): nothing to read");
  }
}
