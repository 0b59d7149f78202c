package dev.optbench.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.optbench.harness.cgroup.CgroupCounters;
import dev.optbench.harness.cgroup.CgroupLocator;
import dev.optbench.harness.exec.ExecReport;
import dev.optbench.harness.metrics.MeasurementTarget;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.runtime.Execution;
import dev.optbench.harness.runtime.ProgramNotFoundException;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.UnitPrograms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One variant's long-lived container; its units run through one long-lived {@code docker exec} of
 * {@code optbench-exec --serve} ({@link ServeSession}), started with the first unit and again if it
 * dies, which moves each unit into a fresh cgroup of its own before exec ({@link UnitCgroups}).
 * Where the serve exec cannot work (a helper without --serve, a transport that cannot attach stdin,
 * an empty argument) a unit is its own {@code docker exec} ({@link UnitExec}), said once in the
 * log. Totals are the unit cgroup's counters, read on the host after the unit (units run one at a
 * time); wall time comes from optbench-exec, which excludes the request's round trip. A unit's
 * timeout counts from the request, so on a busy engine it includes that latency; a unit past it is
 * killed (SIGKILL) and its stderr tail starts with {@link #TIMEOUT_NOTE}.
 */
public final class DockerSandbox implements Sandbox {
  private static final Logger LOG = LoggerFactory.getLogger(DockerSandbox.class);

  /** First line of stderrTail of a unit killed for running past its timeout. */
  public static final String TIMEOUT_NOTE = "optbench: unit timed out after ";

  private final DockerClient docker;
  private final SandboxContainer container;
  private final double allowedCores;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final java.util.concurrent.CountDownLatch removed =
      new java.util.concurrent.CountDownLatch(1);
  private boolean containerKilled;
  private final String variantName;
  private volatile Optional<UnitCgroups.Unit> runningUnit = Optional.empty();
  private final Optional<RemoteWorkFolder> remoteWork;

  /**
   * {@code -Doptbench.docker.serve=false}: every unit its own exec, as before the serve mode; for
   * measuring what the serve mode saves, and a way out should an engine misbehave with it.
   */
  static final String SERVE_PROPERTY = "optbench.docker.serve";

  /** Said once per JVM: why units fall back to one exec each. */
  private static final AtomicBoolean FALLBACK_NOTED = new AtomicBoolean();

  private volatile ServeSession serve;
  private boolean serveUnavailable;
  private int serveExecsStarted;

  /**
   * @param remoteWork the work folder mirrored through the API, for an engine that does not share
   *     this machine's files; then totals come from inside the container ({@code --totals})
   */
  DockerSandbox(
      DockerClient docker,
      SandboxContainer container,
      double allowedCores,
      String variantName,
      Optional<RemoteWorkFolder> remoteWork) {
    this.docker = docker;
    this.container = container;
    this.allowedCores = allowedCores;
    this.variantName = variantName;
    this.remoteWork = remoteWork;
    if (remoteWork.isPresent()) {
      LOG.info(
          "container {} is on a remote engine: work folder copied through the API, totals read"
              + " by optbench-exec inside the container (CPU, I/O, OOM kills from its cgroup;"
              + " peak = RSS)",
          container.name());
    } else if (container.unitCgroups().isEmpty()) {
      LOG.warn(
          "cannot create unit cgroups for container {} (remote engine, not root, or the systemd cgroup driver);"
              + " falling back to optbench-exec's rusage: peak = RSS, no block I/O, no OOM"
              + " count",
          container.name());
    }
    if (!Boolean.parseBoolean(System.getProperty(SERVE_PROPERTY, "true"))) {
      fallBack("serve mode is off (-D" + SERVE_PROPERTY + "=false)");
    }
    OpenSandboxes.add(this);
  }

  @Override
  public synchronized Execution run(List<String> argv, Duration timeout) {
    if (closed.get()) {
      throw new IllegalStateException("sandbox " + container.name() + " is closed");
    }
    UnitPrograms.requireRunnable(argv, variantName); // the image holds the helper too
    Optional<UnitCgroups.Unit> unit = container.unitCgroups().map(UnitCgroups::next);
    runningUnit = unit;
    try {
      remoteWork.ifPresent(RemoteWorkFolder::push);
      Optional<CgroupCounters> before = unit.map(u -> u.cgroup().read());
      UnitExec.Outcome outcome =
          exec(
              remoteWork.isPresent()
                  ? List.of("--totals")
                  : unit.map(UnitCgroups.Unit::helperOptions).orElse(List.of()),
              argv,
              timeout);
      if (containerKilled) {
        restartAfterKill();
      }
      remoteWork.ifPresent(RemoteWorkFolder::pull);
      Optional<ExecReport> report = outcome.report();
      if (report.isPresent() && report.get().error().startsWith("cannot exec")) {
        // The same contract as the other runtimes: a program the variant lacks is the caller's
        // error, not a unit result.
        throw new ProgramNotFoundException(
            "program '"
                + argv.get(0)
                + "' is not in the image of variant "
                + variantName
                + " ("
                + report.get().error()
                + "); units run the variant's own programs, e.g. ffmpeg");
      }
      ResourceUsage usage =
          remoteWork.isPresent()
              ? UnitMeasurement.fromContainer(report, outcome.exitCode(), allowedCores)
              : unit.isPresent()
                  ? UnitMeasurement.fromCgroup(
                      report,
                      outcome.exitCode(),
                      unit.get().cgroup().read().since(before.orElseThrow()),
                      allowedCores,
                      container.unitCgroups().get().source())
                  : UnitMeasurement.fromRusage(report, outcome.exitCode(), allowedCores);
      return execution(usage, outcome, argv, timeout);
    } finally {
      runningUnit = Optional.empty();
      unit.ifPresent(u -> container.unitCgroups().get().remove(u));
    }
  }

  private Execution execution(
      ResourceUsage usage, UnitExec.Outcome outcome, List<String> argv, Duration timeout) {
    String stderr = outcome.stderr();
    if (outcome.timedOut()) {
      stderr = TIMEOUT_NOTE + timeout + ", killed with SIGKILL\n" + stderr;
      LOG.warn("unit {} timed out after {} in {}", argv, timeout, container.name());
    }
    return new Execution(usage, outcome.stdout(), stderr, outcome.timedOut());
  }

  /** The unit through the serve exec, or through an exec of its own where that cannot work. */
  private UnitExec.Outcome exec(List<String> options, List<String> argv, Duration timeout) {
    if (!serveUnavailable && ServeFrames.canCarry(options) && ServeFrames.canCarry(argv)) {
      try {
        return serveSession().run(options, argv, timeout, this::killAllButHelper);
      } catch (ServeSession.UnsupportedException e) {
        fallBack(e.getMessage()); // nothing ran: the unit goes the other way
      } catch (RuntimeException e) {
        dropServeSession(); // a wedged or lost server: the next unit starts another
        throw e;
      }
    } else if (!serveUnavailable) {
      LOG.debug("unit {} has an empty argument, which a serve request cannot carry", argv);
    }
    return UnitExec.run(docker, container.id(), options, argv, timeout, this::killAllButHelper);
  }

  /** The running serve exec; started now if there is none or it died. */
  private ServeSession serveSession() {
    if (serve != null && serve.isAlive()) {
      return serve;
    }
    if (serve != null) {
      // Expected after a remote engine's timeout (the container was killed and started again).
      LOG.debug(
          "the serve exec {} in {} ended; starting another", serve.execId(), container.name());
      dropServeSession();
    }
    serve = ServeSession.start(docker, container.id());
    serveExecsStarted++;
    return serve;
  }

  private void fallBack(String reason) {
    serveUnavailable = true;
    dropServeSession();
    if (FALLBACK_NOTED.compareAndSet(false, true)) {
      LOG.warn(
          "{}; units run as one docker exec each (~60 ms more per unit, outside their measured"
              + " wall)",
          reason);
    }
  }

  private void dropServeSession() {
    if (serve != null) {
      serve.close();
      serve = null;
    }
  }

  /** How many serve execs this sandbox started (one, unless one died or was killed). */
  synchronized int serveExecsStarted() {
    return serveExecsStarted;
  }

  /** The serve exec's id, if one is running. */
  synchronized Optional<String> serveExecId() {
    return Optional.ofNullable(serve).filter(ServeSession::isAlive).map(ServeSession::execId);
  }

  private void killAllButHelper(long helperPid) {
    // The unit's own cgroup first (v2: the unit is only there), then the container's: on v1 pids
    // is not a unit controller, so the container's pids cgroup holds PID 1, helper and unit; and a
    // unit killed before it joined its cgroup is still in the container's.
    runningUnit.ifPresent(u -> u.cgroup().pids().forEach(UnitKiller::kill));
    Path procs =
        container
            .cgroupDirs()
            .getOrDefault("pids", container.cgroupDirs().get(CgroupLocator.UNIFIED));
    if (procs == null) {
      // No host view of the container's processes (remote engine): the engine can only kill the
      // whole container. It is started again after the unit, same id, same name.
      if (!containerKilled) {
        containerKilled = true;
        docker.killContainerCmd(container.id()).exec();
      }
      return;
    }
    int killed = UnitKiller.killAllBut(procs, Set.of(container.initPid(), helperPid));
    LOG.debug("killed {} process(es) of the timed-out unit in {}", killed, container.name());
  }

  private void restartAfterKill() {
    containerKilled = false;
    docker.startContainerCmd(container.id()).exec();
    LOG.warn(
        "container {} was killed to stop a timed-out unit and started again", container.name());
  }

  /**
   * The container; for the unit controllers the sandbox's parent cgroup, which holds the container
   * and the units' cgroups, so a sampler sees the units' usage.
   */
  @Override
  public MeasurementTarget target() {
    Map<String, Path> dirs = new HashMap<>(container.cgroupDirs());
    container.unitCgroups().ifPresent(u -> dirs.putAll(u.parentDirs()));
    return new MeasurementTarget(container.name(), Optional.of(container.id()), dirs);
  }

  /**
   * Removes the container (SIGKILL + remove); safe to call twice or after the engine lost it. A
   * second caller returns once the first caller's removal has ended (bounded): on Ctrl-C the
   * shutdown hook and the run's own thread both close, and the run's thread closes the engine
   * connection right after, which must not cut the hook's removal short (the container would stay).
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      awaitRemoval();
      return;
    }
    try {
      // Not under the sandbox's lock: a shutdown hook closes while a unit runs, and the removal
      // below is what ends that unit and the server; the stream is let go after it.
      ServeSession session = serve;
      if (session != null) {
        session.endRequests();
      }
      try {
        docker.removeContainerCmd(container.id()).withForce(true).withRemoveVolumes(true).exec();
      } finally {
        if (session != null) {
          session.close();
        }
      }
    } catch (NotFoundException e) {
      // already gone: the goal of close() is reached
    } finally {
      container.unitCgroups().ifPresent(UnitCgroups::remove);
      OpenSandboxes.remove(this);
      removed.countDown();
    }
  }

  private void awaitRemoval() {
    try {
      if (!removed.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
        LOG.warn("the removal of container {} has not ended in 30 s", container.name());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
