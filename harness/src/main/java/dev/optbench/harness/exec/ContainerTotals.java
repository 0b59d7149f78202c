package dev.optbench.harness.exec;

/**
 * What {@code optbench-exec --totals} read from the cgroup the unit's container sees as its own
 * (before the fork, after the reap), as differences; for engines whose host cgroup files the JVM
 * cannot read. {@code -1} marks a counter that was not readable, never a guess.
 *
 * @param version "v1" or "v2": which files were read; {@link #NONE}'s is empty
 * @param cpuNanos v2 cpu.stat usage_usec, v1 cpuacct.usage
 * @param userNanos v2 cpu.stat user_usec, v1 cpuacct.stat user (USER_HZ ticks, so 10 ms steps)
 * @param systemNanos as userNanos, system
 * @param ioReadBytes v2 io.stat rbytes, v1 blkio.throttle.io_service_bytes Read
 * @param ioWriteBytes the same, written
 * @param oomKills v2 memory.events oom_kill, v1 memory.oom_control oom_kill (kernel 4.13+)
 */
public record ContainerTotals(
    String version,
    long cpuNanos,
    long userNanos,
    long systemNanos,
    long ioReadBytes,
    long ioWriteBytes,
    long oomKills) {

  /** Not asked for, or no cgroup files were readable in the container. */
  public static final ContainerTotals NONE = new ContainerTotals("", -1, -1, -1, -1, -1, -1);

  public boolean present() {
    return !version.isEmpty() && cpuNanos >= 0;
  }
}
