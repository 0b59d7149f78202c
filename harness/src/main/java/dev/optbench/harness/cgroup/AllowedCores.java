package dev.optbench.harness.cgroup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many cores a cgroup's units may keep busy: the smaller of its cpuset size and its CFS quota
 * (quota / period), never more than the host's logical processors (OSHI's count). CPU % is
 * normalised by this number.
 */
public final class AllowedCores {
  private static final Logger LOG = LoggerFactory.getLogger(AllowedCores.class);

  private AllowedCores() {}

  /**
   * @param cpuset effective CPU list of the cgroup; blank when unknown
   * @param quotaCores quota / period, or a value {@code <= 0} for "no quota"
   * @param hostLogicalCores logical processors of the host
   */
  public static double of(String cpuset, double quotaCores, int hostLogicalCores) {
    double cores = hostLogicalCores;
    if (!cpuset.isBlank()) {
      int inSet = CpuList.count(cpuset);
      if (inSet > hostLogicalCores) {
        // cpuset can name CPUs the host reports as absent (hot-unplugged); trust the host count
        LOG.warn(
            "cpuset '{}' names {} CPUs but the host has {} logical processors; using {}",
            cpuset,
            inSet,
            hostLogicalCores,
            hostLogicalCores);
      } else {
        cores = inSet;
      }
    }
    if (quotaCores > 0 && quotaCores < cores) {
      cores = quotaCores;
    }
    return cores;
  }
}
