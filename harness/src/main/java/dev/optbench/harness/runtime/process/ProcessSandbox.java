package dev.optbench.harness.runtime.process;

import dev.optbench.harness.exec.ExecReport;
import dev.optbench.harness.host.LogicalCores;
import dev.optbench.harness.metrics.MeasurementTarget;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.Execution;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.runtime.ShutdownCloser;
import dev.optbench.harness.runtime.UnitPrograms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Units as plain host processes. Nothing is isolated or limited but the user (never root, see
 * {@link dev.optbench.harness.runtime.UnitUser}): the cpuset and memory limit are not enforced, and
 * the totals are the helper's rusage of the unit (CPU time of the unit and its waited-for children,
 * ru_maxrss of the largest single process as peak memory, no block I/O).
 */
final class ProcessSandbox implements Sandbox {
  static final String SOURCE = "process-rusage";

  private final VariantRef variant;
  private final SandboxLimits limits;
  private final Path helper;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Process running;

  ProcessSandbox(VariantRef variant, SandboxLimits limits, Path helper) {
    this.variant = variant;
    this.limits = limits;
    this.helper = helper;
    ShutdownCloser.register(this);
  }

  @Override
  public Execution run(List<String> argv, Duration timeout) {
    if (closed.get()) {
      throw new IllegalStateException("sandbox of variant " + variant.name() + " is closed");
    }
    UnitPrograms.requireRunnable(argv, variant.name());
    Path program = VariantPrograms.resolve(variant, argv.get(0));
    UnitLauncher.Outcome outcome =
        UnitLauncher.run(
            helper,
            List.of(),
            program,
            argv.subList(1, argv.size()),
            limits.workDir(),
            timeout,
            ProcessSandbox::killUnit,
            p -> running = p);
    running = null;
    return new Execution(
        usage(outcome.report()), outcome.stdoutTail(), outcome.stderrTail(), outcome.timedOut());
  }

  private static ResourceUsage usage(ExecReport r) {
    long user = r.userMicros() * 1000;
    long sys = r.sysMicros() * 1000;
    return new ResourceUsage(
        r.wallNanos(),
        user,
        sys,
        user + sys,
        r.runDelayNanos(),
        r.maxRssKib() * 1024,
        ResourceUsage.UNKNOWN,
        ResourceUsage.UNKNOWN,
        false,
        r.exitCode(),
        r.signal(),
        LogicalCores.count(),
        SOURCE);
  }

  /** Kills the unit's process tree but not the helper, which then reports the signal. */
  private static void killUnit(Process helper) {
    helper.descendants().forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public MeasurementTarget target() {
    return new MeasurementTarget("process-" + variant.name(), Optional.empty(), Map.of());
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      Process p = running;
      if (p != null) {
        killUnit(p);
        p.destroyForcibly();
      }
      ShutdownCloser.unregister(this);
    }
  }
}
