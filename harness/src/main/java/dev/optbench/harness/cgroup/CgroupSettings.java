package dev.optbench.harness.cgroup;

/**
 * Limits written into a cgroup when it is created, before any task joins.
 *
 * @param cpuset CPUs in cpuset list syntax ("0", "0-1,3"); empty means the parent's CPUs
 * @param memoryBytes hard memory limit (swap included, so a unit is not swapped around instead of
 *     killed); 0 or less means no limit
 */
public record CgroupSettings(String cpuset, long memoryBytes) {
  public CgroupSettings {
    cpuset = cpuset == null ? "" : cpuset.strip();
  }

  /** An intermediate level (optbench, run): inherits everything from its parent. */
  public static CgroupSettings inherit() {
    return new CgroupSettings("", 0);
  }
}
