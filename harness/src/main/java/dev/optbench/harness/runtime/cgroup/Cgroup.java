package dev.optbench.harness.runtime.cgroup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One created cgroup (in every hierarchy it spans on v1, or the one v2 directory). */
public interface Cgroup {

  /** Path below the cgroup root, e.g. {@code optbench/run-1/O2/unit-3}. */
  String path();

  /** Controller ("memory", "cpuacct"...; "unified" on v2) to this cgroup's directory. */
  Map<String, Path> dirs();

  /** One {@code cgroup.procs} per distinct hierarchy: what a task writes its pid to to join. */
  List<Path> procsFiles();

  /** The kernel counters now. */
  CgroupCounters read();

  /** Resets the peak-memory counter where the kernel allows it (v1 always; v2 from 6.12). */
  void resetPeak();

  /** Cores the cgroup's tasks may use (cpuset and quota), capped at {@code hostLogicalCores}. */
  double allowedCores(int hostLogicalCores);

  /** Processes now in the cgroup. */
  List<Long> pids();
}
