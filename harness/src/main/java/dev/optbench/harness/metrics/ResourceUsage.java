package dev.optbench.harness.metrics;

/**
 * Per-unit totals. Every field says where it comes from; {@link #UNKNOWN} (-1) marks a counter the
 * runtime could not read, never a guess.
 *
 * @param wallNanos wall time measured next to the process (optbench-exec, CLOCK_MONOTONIC)
 * @param cpuUserNanos user CPU time: cgroup cpuacct.usage_user / cpu.stat user_usec, else rusage
 * @param cpuSystemNanos system CPU time, same sources
 * @param cpuTotalNanos cgroup cpuacct.usage / cpu.stat usage_usec, else user+system
 * @param cpuWaitNanos contention: time the unit was runnable but not running. Where the unit's own
 *     cgroup counts it for all its threads ({@link
 *     dev.optbench.harness.cgroup.CgroupCounters#cpuWaitNanos}: v2 {@code cpu.pressure} "some", v1
 *     {@code cpu.stat} wait_sum with schedstats on), that; else the main thread's run_delay ({@code
 *     /proc/<pid>/schedstat}, read by optbench-exec before reaping), which misses worker threads:
 *     they have exited by then. What is reported as {@code cpu.wait} is {@link
 *     #contentionWaitNanos}, the part others can have caused
 * @param memoryPeakBytes v1 memory.max_usage_in_bytes (reset per unit), v2 memory.peak; the process
 *     runtime uses the helper's ru_maxrss (RSS only, less precise)
 * @param ioReadBytes block I/O read bytes (blkio / io.stat)
 * @param ioWriteBytes block I/O written bytes
 * @param oomKilled the kernel killed the unit for exceeding its memory limit
 * @param exitCode the program's exit status, -1 if it died of a signal
 * @param signal the signal that ended it, 0 if none
 * @param allowedCores cores the unit may use (cpuset or quota), for CPU % normalisation
 * @param source which runtime and counters produced the numbers, e.g. "cgroup-v1"
 */
public record ResourceUsage(
    long wallNanos,
    long cpuUserNanos,
    long cpuSystemNanos,
    long cpuTotalNanos,
    long cpuWaitNanos,
    long memoryPeakBytes,
    long ioReadBytes,
    long ioWriteBytes,
    boolean oomKilled,
    int exitCode,
    int signal,
    double allowedCores,
    String source) {

  public static final long UNKNOWN = -1;

  /** CPU use as a percentage of the cores the unit may use (100 = all of them busy). */
  public double cpuPercent() {
    if (wallNanos <= 0 || cpuTotalNanos < 0 || allowedCores <= 0) {
      return Double.NaN;
    }
    return 100.0 * cpuTotalNanos / (wallNanos * allowedCores);
  }

  /**
   * The part of {@link #cpuWaitNanos} other processes can have caused: at most the CPU time the
   * unit's cores gave to anything but the unit ({@code wall x allowed cores - cpu.total}). The main
   * thread of a unit with more runnable threads than allowed cores also waits behind its own
   * threads (ffmpeg's {@code -filter_threads 2} on one core: ~21 % of wall here, with the machine
   * quiet); that is the unit's own work, not contention, and must not mark it starved. Exact on one
   * core (whoever runs while the main thread waits is either the unit, in cpu.total, or someone
   * else); an upper bound on more.
   */
  public long contentionWaitNanos() {
    if (cpuWaitNanos < 0 || cpuTotalNanos < 0 || wallNanos <= 0 || allowedCores <= 0) {
      return cpuWaitNanos;
    }
    long givenToOthers = Math.max(0, Math.round(wallNanos * allowedCores) - cpuTotalNanos);
    return Math.min(cpuWaitNanos, givenToOthers);
  }

  public boolean succeeded() {
    return exitCode == 0 && signal == 0 && !oomKilled;
  }
}
