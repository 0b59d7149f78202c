package dev.optbench.harness.cgroup;

import static dev.optbench.harness.metrics.ResourceUsage.UNKNOWN;

import dev.optbench.harness.metrics.CpuSplit;

/**
 * One reading of a cgroup's kernel counters, v1 or v2, in ns, bytes and counts. Every field is
 * {@link dev.optbench.harness.metrics.ResourceUsage#UNKNOWN} when the kernel does not offer it. The
 * runtimes take per-unit totals from two readings ({@link #since}); the collector maps each reading
 * onto the time-series schema.
 *
 * @param cpuTotalNanos cumulative CPU time (cpuacct.usage / cpu.stat usage_usec)
 * @param cpuUserNanos cumulative user CPU time (cpuacct.usage_user, else cpuacct.stat ticks /
 *     cpu.stat user_usec)
 * @param cpuSystemNanos cumulative system CPU time
 * @param memoryUsageBytes memory in use now, page cache included (usage_in_bytes / memory.current)
 * @param memoryWorkingSetBytes usage minus inactive file cache: cAdvisor's working set
 * @param memoryRssBytes anonymous memory (memory.stat total_rss / anon)
 * @param memoryCacheBytes page cache (memory.stat total_cache / file)
 * @param memoryPeakBytes peak usage since creation or the last reset (max_usage_in_bytes /
 *     memory.peak, Linux 5.19+)
 * @param ioReadBytes cumulative block I/O read bytes, all devices
 * @param ioWriteBytes cumulative block I/O written bytes, all devices
 * @param oomKills processes the OOM killer killed in this cgroup
 * @param limitHits times usage hit the memory limit (v1 memory.failcnt, v2 memory.events max)
 * @param cpuWaitNanos cumulative time the cgroup's tasks were runnable but not running, all threads
 *     of all its processes: v2 {@code cpu.pressure} "some" total (wall time during which at least
 *     one of them waited; PSI kernels), v1 {@code cpu.stat} wait_sum (the group's wait behind other
 *     groups; kernels with schedstats on); else unknown
 */
public record CgroupCounters(
    long cpuTotalNanos,
    long cpuUserNanos,
    long cpuSystemNanos,
    long memoryUsageBytes,
    long memoryWorkingSetBytes,
    long memoryRssBytes,
    long memoryCacheBytes,
    long memoryPeakBytes,
    long ioReadBytes,
    long ioWriteBytes,
    long oomKills,
    long limitHits,
    long cpuWaitNanos) {

  /**
   * What happened between {@code start} and this reading: cumulative counters are subtracted, the
   * peak (reset or fresh at start) and the momentary memory figures are taken as they are now, and
   * the user/system split is fitted to the total (see {@link CpuSplit}).
   */
  public CgroupCounters since(CgroupCounters start) {
    long total = delta(cpuTotalNanos, start.cpuTotalNanos);
    long user = delta(cpuUserNanos, start.cpuUserNanos);
    long system = delta(cpuSystemNanos, start.cpuSystemNanos);
    return new CgroupCounters(
        total,
        CpuSplit.scale(total, user, system),
        CpuSplit.scale(total, system, user),
        memoryUsageBytes,
        memoryWorkingSetBytes,
        memoryRssBytes,
        memoryCacheBytes,
        memoryPeakBytes,
        delta(ioReadBytes, start.ioReadBytes),
        delta(ioWriteBytes, start.ioWriteBytes),
        delta(oomKills, start.oomKills),
        delta(limitHits, start.limitHits),
        delta(cpuWaitNanos, start.cpuWaitNanos));
  }

  /**
   * A unit's wait for a CPU: this cgroup's ({@link #cpuWaitNanos}, every thread) where the kernel
   * counts it, else the helper's run delay of the unit's main thread.
   */
  public long cpuWaitOr(long mainThreadRunDelayNanos) {
    return cpuWaitNanos >= 0 ? cpuWaitNanos : mainThreadRunDelayNanos;
  }

  private static long delta(long end, long start) {
    return end < 0 || start < 0 ? UNKNOWN : end - start;
  }

  /** Usage minus inactive file pages, never below 0; unknown if either is. */
  static long workingSet(long usage, long inactiveFile) {
    return usage < 0 || inactiveFile < 0 ? UNKNOWN : Math.max(0, usage - inactiveFile);
  }
}
