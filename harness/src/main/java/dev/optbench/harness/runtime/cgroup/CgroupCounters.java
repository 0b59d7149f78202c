package dev.optbench.harness.runtime.cgroup;

import static dev.optbench.harness.metrics.ResourceUsage.UNKNOWN;

import dev.optbench.harness.metrics.CpuSplit;

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
   * (see {@link dev.optbench.harness.metrics.CpuSplit}).
   */
  public CgroupCounters since(CgroupCounters start) {
    long total = delta(cpuTotalNanos, start.cpuTotalNanos);
    long user = delta(cpuUserNanos, start.cpuUserNanos);
    long system = delta(cpuSystemNanos, start.cpuSystemNanos);
    return new CgroupCounters(
        total,
        CpuSplit.scale(total, user, system),
        CpuSplit.scale(total, system, user),
        memoryPeakBytes,
        delta(ioReadBytes, start.ioReadBytes),
        delta(ioWriteBytes, start.ioWriteBytes),
        delta(oomKills, start.oomKills),
        delta(limitHits, start.limitHits));
  }

  private static long delta(long end, long start) {
    return end < 0 || start < 0 ? UNKNOWN : end - start;
  }
}
