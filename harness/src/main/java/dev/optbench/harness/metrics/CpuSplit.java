package dev.optbench.harness.metrics;

/**
 * Splits an exact CPU total into user and system time. cgroup v1's cpuacct.usage is exact (ns of
 * runtime) but usage_user/usage_sys are sampled at timer ticks; their sum was seen 18 % above the
 * total for a 2 s burn. Like the kernel's own cputime_adjust() for rusage, keep the ticks'
 * proportion and scale it to the exact total. On v2 cpu.stat is already adjusted this way, so this
 * changes nothing there. Every runtime that reads v1 counters uses this one function.
 */
public final class CpuSplit {
  private CpuSplit() {}

  /**
   * @return {@code part}'s share of {@code total}; {@code part} unchanged when any input is unknown
   *     (negative) or there are no ticks to take a proportion from
   */
  public static long scale(long total, long part, long other) {
    if (total < 0 || part < 0 || other < 0 || part + other == 0) {
      return part;
    }
    return Math.round((double) total * part / (part + other));
  }
}
