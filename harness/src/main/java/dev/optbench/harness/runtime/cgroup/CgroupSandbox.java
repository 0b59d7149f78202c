package dev.optbench.harness.runtime.cgroup;

import dev.optbench.harness.cgroup.Cgroup;
import dev.optbench.harness.cgroup.CgroupCounters;
import dev.optbench.harness.cgroup.CgroupFs;
import dev.optbench.harness.cgroup.CgroupSettings;
import dev.optbench.harness.exec.ExecReport;
import dev.optbench.harness.host.LogicalCores;
import dev.optbench.harness.metrics.MeasurementTarget;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.Execution;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.runtime.ShutdownCloser;
import dev.optbench.harness.runtime.process.UnitLauncher;
import dev.optbench.harness.runtime.process.VariantPrograms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One variant's cgroup {@code optbench/<run>@<owner>/<variant>} (the collectors' target, limited to
 * the cpuset) with a fresh child cgroup {@code unit-<n>} per unit that carries the cpuset and the
 * memory limit. A fresh cgroup per unit instead of resetting one: every counter starts at zero
 * without relying on resets (v2's memory.peak cannot be reset for other readers), a process a
 * previous unit left behind cannot be charged to the next, and the OOM counter is the unit's own.
 * The memory limit sits on the unit only, because page cache of removed units is moved to the
 * parent and must not push the next unit into an OOM counted there.
 *
 * <p>A sibling {@code helper} leaf, with the cpuset and the CPU weight but no limits, holds
 * optbench-exec itself while it forks the unit and waits ({@code --self-cgroup-procs}): the fork
 * and the clock's start and stop then happen on the unit's CPUs at the top weight, never among the
 * host's other processes, while the unit's own counters still hold only the unit.
 */
final class CgroupSandbox implements Sandbox {
  static final String HELPER_LEAF = "helper";
  private final CgroupFs fs;
  private final VariantRef variant;
  private final SandboxLimits limits;
  private final Path helper;
  private final Cgroup variantGroup;
  private final Cgroup helperGroup;
  private final AtomicBoolean closed = new AtomicBoolean();
  private int units;
  private volatile Cgroup runningUnit;

  CgroupSandbox(CgroupFs fs, VariantRef variant, SandboxLimits limits, Path helper, String path) {
    this.fs = fs;
    this.variant = variant;
    this.limits = limits;
    this.helper = helper;
    this.variantGroup = createOrCleanUp(fs, path, new CgroupSettings(limits.cpuset(), 0));
    this.helperGroup =
        createOrCleanUp(fs, path + "/" + HELPER_LEAF, new CgroupSettings(limits.cpuset(), 0));
    ShutdownCloser.register(this);
  }

  @Override
  public synchronized Execution run(List<String> argv, Duration timeout) {
    if (closed.get()) {
      throw new IllegalStateException("sandbox " + variantGroup.path() + " is closed");
    }
    Path program = VariantPrograms.resolve(variant, argv.get(0));
    String unitPath = variantGroup.path() + "/unit-" + (++units);
    Cgroup unit =
        createOrCleanUp(fs, unitPath, new CgroupSettings(limits.cpuset(), limits.memoryBytes()));
    runningUnit = unit;
    try {
      unit.resetPeak();
      CgroupCounters start = unit.read();
      List<String> join = new ArrayList<>();
      for (Path procs : helperGroup.procsFiles()) {
        join.add("--self-cgroup-procs");
        join.add(procs.toString());
      }
      for (Path procs : unit.procsFiles()) {
        join.add("--cgroup-procs");
        join.add(procs.toString());
      }
      UnitLauncher.Outcome outcome =
          UnitLauncher.run(
              helper,
              join,
              program,
              argv.subList(1, argv.size()),
              limits.workDir(),
              timeout,
              p -> fs.killAll(unit),
              p -> {});
      CgroupCounters used = unit.read().since(start);
      ResourceUsage usage = usage(outcome.report(), used, unit, outcome.timedOut());
      return new Execution(usage, outcome.stdoutTail(), outcome.stderrTail(), outcome.timedOut());
    } finally {
      fs.killAll(unit); // daemons the unit left behind end with it
      fs.removeLeaf(unitPath); // the variant's cgroup stays: collectors sample it

      runningUnit = null;
    }
  }

  /** A limit the kernel refuses (a CPU not in the parent's cpuset) must not leave dirs behind. */
  private static Cgroup createOrCleanUp(CgroupFs fs, String path, CgroupSettings settings) {
    try {
      return fs.create(path, settings);
    } catch (RuntimeException e) {
      fs.remove(path);
      throw e;
    }
  }

  private ResourceUsage usage(ExecReport r, CgroupCounters c, Cgroup unit, boolean timedOut) {
    boolean oomKilled =
        c.oomKills() > 0
            // kernels without an oom_kill counter: SIGKILLed after hitting the limit
            || (c.oomKills() < 0 && !timedOut && r.signal() == 9 && c.limitHits() > 0);
    return new ResourceUsage(
        r.wallNanos(),
        c.cpuUserNanos(),
        c.cpuSystemNanos(),
        c.cpuTotalNanos(),
        c.cpuWaitOr(r.runDelayNanos()),
        c.memoryPeakBytes(),
        c.ioReadBytes(),
        c.ioWriteBytes(),
        oomKilled,
        r.exitCode(),
        r.signal(),
        unit.allowedCores(LogicalCores.count()),
        fs.source());
  }

  @Override
  public MeasurementTarget target() {
    return new MeasurementTarget(variantGroup.path(), Optional.empty(), variantGroup.dirs());
  }

  /** Kills what still runs, removes the unit and variant cgroups and the run's if now empty. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Cgroup unit = runningUnit;
    if (unit != null) {
      fs.killAll(unit);
      fs.removeLeaf(unit.path());
    }
    fs.killAll(helperGroup); // a helper whose unit was killed with the JVM's Ctrl-C
    fs.removeLeaf(helperGroup.path());
    fs.killAll(variantGroup);
    fs.remove(variantGroup.path());
    ShutdownCloser.unregister(this);
  }

  @Override
  public String toString() {
    return "cgroup sandbox " + variantGroup.path();
  }
}
