package dev.optbench.harness.runtime.docker;

import dev.optbench.harness.cgroup.CgroupCounters;
import dev.optbench.harness.exec.ContainerTotals;
import dev.optbench.harness.exec.ExecReport;
import dev.optbench.harness.metrics.ResourceUsage;
import java.util.Optional;

/**
 * Turns what one unit left behind (helper report, counters before and after, exec exit status) into
 * {@link ResourceUsage}. Pure, so every combination is unit-tested.
 */
final class UnitMeasurement {
  static final String SOURCE_RUSAGE = "docker/rusage";

  /** Prefix of a remote engine's sources: totals taken inside the container by optbench-exec. */
  static final String REMOTE = "docker-remote/";

  static final String SOURCE_REMOTE_RUSAGE = REMOTE + "rusage";
  private static final int SIGKILL = 9;

  private UnitMeasurement() {}

  /**
   * Totals from the unit cgroup's counters ({@link CgroupCounters#since}: user/system already
   * fitted to the total); wall time and exit status from the helper.
   */
  static ResourceUsage fromCgroup(
      Optional<ExecReport> report,
      Integer execExitCode,
      CgroupCounters used,
      double allowedCores,
      String source) {
    Status status = status(report, execExitCode);
    boolean oom =
        used.oomKills() > 0
            // kernels without an oom_kill counter: SIGKILLed after hitting the limit
            || (used.oomKills() < 0 && status.signal == SIGKILL && used.limitHits() > 0);
    return new ResourceUsage(
        report.map(ExecReport::wallNanos).orElse(ResourceUsage.UNKNOWN),
        used.cpuUserNanos(),
        used.cpuSystemNanos(),
        used.cpuTotalNanos(),
        used.cpuWaitOr(report.map(ExecReport::runDelayNanos).orElse(ResourceUsage.UNKNOWN)),
        used.memoryPeakBytes(),
        used.ioReadBytes(),
        used.ioWriteBytes(),
        oom,
        status.exitCode,
        status.signal,
        allowedCores,
        source);
  }

  /**
   * Fallback when the cgroup files are not readable (remote engine, not root): the helper's rusage.
   * Peak is RSS only, block I/O and OOM kills are unknown.
   */
  static ResourceUsage fromRusage(
      Optional<ExecReport> report, Integer execExitCode, double allowedCores) {
    return fromRusage(report, execExitCode, allowedCores, SOURCE_RUSAGE);
  }

  /**
   * A remote engine: CPU and block I/O from the container's own cgroup as optbench-exec read it
   * around the unit ({@code --totals}), source {@code docker-remote/cgroup-v1|v2}; peak memory is
   * the child's ru_maxrss (the container's peak counter spans all units and cannot be reset from
   * inside); OOM kills from the container's counter. Without readable cgroup files, all from rusage
   * ({@code docker-remote/rusage}).
   */
  static ResourceUsage fromContainer(
      Optional<ExecReport> report, Integer execExitCode, double allowedCores) {
    if (report.isEmpty() || !report.get().containerTotals().present()) {
      return fromRusage(report, execExitCode, allowedCores, SOURCE_REMOTE_RUSAGE);
    }
    ExecReport r = report.get();
    ContainerTotals t = r.containerTotals();
    Status status = status(report, execExitCode);
    long[] split = fitted(t.cpuNanos(), t.userNanos(), t.systemNanos());
    return new ResourceUsage(
        r.wallNanos(),
        split[0],
        split[1],
        t.cpuNanos(),
        r.runDelayNanos(),
        r.maxRssKib() * 1024,
        t.ioReadBytes(),
        t.ioWriteBytes(),
        t.oomKills() > 0,
        status.exitCode,
        status.signal,
        allowedCores,
        REMOTE + "cgroup-" + t.version() + "+rusage-peak");
  }

  /**
   * User and system scaled to add up to the total: v1's cpuacct.stat counts USER_HZ ticks (10 ms),
   * the total nanoseconds; the split is the only thing the ticks are good for.
   */
  static long[] fitted(long total, long user, long system) {
    if (user < 0 || system < 0 || user + system == 0) {
      return new long[] {ResourceUsage.UNKNOWN, ResourceUsage.UNKNOWN};
    }
    long u = Math.round((double) total * user / (user + system));
    return new long[] {u, total - u};
  }

  private static ResourceUsage fromRusage(
      Optional<ExecReport> report, Integer execExitCode, double allowedCores, String source) {
    Status status = status(report, execExitCode);
    long user = report.map(r -> r.userMicros() * 1000).orElse(ResourceUsage.UNKNOWN);
    long sys = report.map(r -> r.sysMicros() * 1000).orElse(ResourceUsage.UNKNOWN);
    return new ResourceUsage(
        report.map(ExecReport::wallNanos).orElse(ResourceUsage.UNKNOWN),
        user,
        sys,
        report.isPresent() ? user + sys : ResourceUsage.UNKNOWN,
        report.map(ExecReport::runDelayNanos).orElse(ResourceUsage.UNKNOWN),
        report.map(r -> r.maxRssKib() * 1024).orElse(ResourceUsage.UNKNOWN),
        ResourceUsage.UNKNOWN,
        ResourceUsage.UNKNOWN,
        false,
        status.exitCode,
        status.signal,
        allowedCores,
        source);
  }

  private record Status(int exitCode, int signal) {}

  /**
   * The helper's report when it arrived; otherwise the helper itself died and its exit status from
   * the engine (128+signal) is all there is.
   */
  private static Status status(Optional<ExecReport> report, Integer execExitCode) {
    if (report.isPresent()) {
      return new Status(report.get().exitCode(), report.get().signal());
    }
    int code = execExitCode == null ? -1 : execExitCode;
    return code > 128 ? new Status(-1, code - 128) : new Status(code, 0);
  }
}
