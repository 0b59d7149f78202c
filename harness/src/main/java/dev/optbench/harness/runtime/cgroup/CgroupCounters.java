package dev.optbench.harness.runtime.cgroup;

import static dev.optbench.harness.metrics.ResourceUsage.UNKNOWN;

/**
 * One reading of a cgroup's kernel counters. Every field is {@link
 * dev.optbench.harness.metrics.ResourceUsage#UNKNOWN} when the kernel does not offer it.
 *
 * @param cpuTotalNanos cumulative CPU time (cpuacct.usage / cpu.stat usage_usec)
 * @param cpuUserNanos cumulative user CPU time
 * @param cpuSystemNanos cumulative system CPU time
 * @param memoryPeakBytes peak memory since creation or the last reset
 * @param ioReadBytes cumulative block I/O read bytes, all devices
 * @param ioWriteBytes cumulative block I/O written bytes, all devices
 * @param oomKills processes the OOM killer killed in this cgroup
 * @param limitHits times usage hit the memory limit (v1 memory.failcnt, v2 memory.events max)
 */
public record CgroupCounters(
    long cpuTotalNanos,
    long cpuUserNanos,
    long cpuSystemNanos,
    long memoryPeakBytes,
    long ioReadBytes,
    long ioWriteBytes,
    long oomKills,
    long limitHits) {

  /**
   * What happened between {@code start} and this reading: cumulative counters are subtracted, the
   * peak (reset or fresh at start) is taken as is, and the user/system split is fitted to the total
   * (see {@link #splitOf}).
   */
  public CgroupCounters since(CgroupCounters start) {
    long total = delta(cpuTotalNanos, start.cpuTotalNanos);
    long user = delta(cpuUserNanos, start.cpuUserNanos);
    long system = delta(cpuSystemNanos, start.cpuSystemNanos);
    return new CgroupCounters(
        total,
        splitOf(total, user, system),
        splitOf(total, system, user),
        memoryPeakBytes,
        delta(ioReadBytes, start.ioReadBytes),
        delta(ioWriteBytes, start.ioWriteBytes),
        delta(oomKills, start.oomKills),
        delta(limitHits, start.limitHits));
  }

  /**
   * v1's cpuacct.usage is exact (ns of runtime) but usage_user/usage_sys are sampled at timer
   * ticks, and their sum was seen 18 % above the total for a 2 s burn. Like the kernel's own
   * cputime_adjust() for rusage, keep the ticks' proportion and scale it to the exact total. On v2
   * cpu.stat is already adjusted this way, so this changes nothing there.
   */
  static long splitOf(long total, long part, long other) {
    if (total < 0 || part < 0 || other < 0 || part + other == 0) {
      return part;
    }
    return Math.round((double) total * part / (part + other));
  }

  private static long delta(long end, long start) {
    return end < 0 || start < 0 ? UNKNOWN : end - start;
  }
}
