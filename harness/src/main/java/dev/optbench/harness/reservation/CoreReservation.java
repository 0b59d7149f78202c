package dev.optbench.harness.reservation;

import dev.optbench.harness.cgroup.CgroupVersion;
import dev.optbench.harness.cgroup.CpusetReservation;
import dev.optbench.harness.cgroup.DriverCgroup;
import dev.optbench.harness.host.OwnerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark CPUs kept for the units alone while a run measures ({@code --reserve-cores}): the
 * host's other processes move to the other CPUs ({@link CpusetReservation}) and come back when the
 * run ends, also on Ctrl-C or SIGTERM (a shutdown hook). What was changed is written to {@code
 * <stateDir>/cores.json} with the owner first, so a run killed with SIGKILL is undone by the next
 * run's {@link #restoreAfterDeadOwner}; the file lives under /run, which a reboot empties along
 * with the cgroups it describes.
 */
public final class CoreReservation implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CoreReservation.class);

  /** Where the record goes by default: cleared at boot, as cgroups are. */
  public static final Path STATE_DIR = Path.of("/run/optbench");

  /** The group the host's other processes move into while a run measures. */
  static final String GROUP = "optbench-others";

  /** What {@code cores.json} holds: the owner, and what to undo. */
  public record Record(OwnerProcess owner, CpusetReservation.State state) {}

  private final Path file;
  private final CpusetReservation.State state;
  private final Optional<DriverCgroup> driver;
  private final Thread hook;
  private boolean released;

  private CoreReservation(Path file, CpusetReservation.State state, Optional<DriverCgroup> driver) {
    this.file = file;
    this.state = state;
    this.driver = driver;
    this.hook = new Thread(this::release, "optbench-core-reservation");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Reserves {@code benchmarkCpus} on the host's cgroup file system. The record is on disk before
   * the first process moves, so even a kill half-way leaves enough to undo.
   */
  public static CoreReservation reserve(String benchmarkCpus, Path stateDir) {
    return reserve(CgroupVersion.DEFAULT_ROOT, benchmarkCpus, stateDir, List.of());
  }

  /**
   * @param drivenPids processes besides this one that carry the run's work and must not starve on
   *     the other CPUs (a local Docker engine's daemons), raised to the top weight with it
   */
  public static CoreReservation reserve(
      String benchmarkCpus, Path stateDir, List<Long> drivenPids) {
    return reserve(CgroupVersion.DEFAULT_ROOT, benchmarkCpus, stateDir, drivenPids);
  }

  static CoreReservation reserve(
      Path cgroupRoot, String benchmarkCpus, Path stateDir, List<Long> drivenPids) {
    Path file = stateDir.resolve("cores.json");
    restoreAfterDeadOwner(stateDir).ifPresent(LOG::info);
    if (Files.exists(file)) {
      throw new IllegalStateException(
          "another live optbench run holds a core reservation (" + file + ")");
    }
    OwnerProcess owner = OwnerProcess.current();
    boolean v2 = CgroupVersion.detect(cgroupRoot) == CgroupVersion.V2;
    // written first with nothing narrowed, so a kill during the moves still finds the group
    CpusetReservation.State planned =
        new CpusetReservation.State(
            v2 ? "v2" : "v1",
            (v2 ? cgroupRoot : cgroupRoot.resolve("cpuset")).toString(),
            GROUP,
            benchmarkCpus,
            "",
            0,
            0,
            List.of(),
            List.of());
    RecordFile.write(file, new Record(owner, planned));
    // Before anything moves: the moves put a top-weight co-runner on the CPUs this process runs
    // on, and at the default weight it then crawled through the rest of its own moves (a test
    // here stalled for 15 minutes half-way).
    List<Long> pids = new ArrayList<>(List.of(ProcessHandle.current().pid()));
    pids.addAll(drivenPids);
    Optional<DriverCgroup> driver =
        DriverCgroup.raise(
            cgroupRoot, CpusetReservation.otherCpus(cgroupRoot, benchmarkCpus), pids);
    CpusetReservation.State state;
    try {
      state =
          CpusetReservation.reserve(
              cgroupRoot, benchmarkCpus, GROUP, name -> name.startsWith("optbench"));
    } catch (RuntimeException e) {
      driver.ifPresent(DriverCgroup::restore);
      CpusetReservation.release(planned);
      RecordFile.delete(file);
      throw e;
    }
    RecordFile.write(file, new Record(owner, state));
    return new CoreReservation(file, state, driver);
  }

  /** What was done, for the console and host.json. */
  public CpusetReservation.State state() {
    return state;
  }

  /** One line for people: what moved where, and what could not. */
  public String describe() {
    return "core reservation: the host's other work moved off CPU "
        + state.benchmarkCpus()
        + " to CPU "
        + state.otherCpus()
        + " ("
        + state.moved()
        + " processes moved, "
        + state.refused()
        + " kernel threads bound to a CPU stay"
        + (state.shrunk().isEmpty()
            ? ""
            : "; cgroups narrowed: "
                + String.join(
                    ", ", state.shrunk().stream().map(CpusetReservation.Shrunk::path).toList()))
        + (state.kept().isEmpty() ? "" : "; keep the CPU: " + String.join(", ", state.kept()))
        + (driver.isPresent()
            ? "; optbench's own process"
                + (driver.get().processes() > 1 ? " and the Docker engine's daemons" : "")
                + " at the top CPU weight there ("
                + DriverCgroup.NAME
                + ")"
            : "")
        + "); put back when the run ends";
  }

  @Override
  public void close() {
    release();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or ran: release() already did the work
    }
  }

  private synchronized void release() {
    if (released) {
      return;
    }
    released = true;
    driver.ifPresent(DriverCgroup::restore);
    List<String> problems = CpusetReservation.release(state);
    problems.forEach(p -> LOG.warn("core reservation: {}", p));
    RecordFile.delete(file);
  }

  /**
   * Undoes the reservation a dead run left (killed with SIGKILL, so its hook never ran); a live
   * owner's is left alone.
   *
   * @return what was undone, for the console; empty when there was nothing to undo
   */
  public static Optional<String> restoreAfterDeadOwner(Path stateDir) {
    Path file = stateDir.resolve("cores.json");
    Optional<Record> record = RecordFile.read(file, Record.class);
    if (record.isEmpty() || record.get().owner().alive()) {
      return Optional.empty();
    }
    Record r = record.get();
    Path hierarchy = Path.of(r.state().hierarchy());
    DriverCgroup.removeIfEmpty(
        r.state().version().equals("v2") ? hierarchy : hierarchy.getParent());
    List<String> problems = CpusetReservation.release(r.state());
    RecordFile.delete(file);
    return Optional.of(
        "undid the core reservation of a dead run (pid "
            + r.owner().pid()
            + "): its processes are back on every CPU"
            + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)));
  }

  /**
   * The live run that holds a reservation here, for a check before any long work; a dead owner's
   * record does not count (the next run undoes it).
   *
   * @return e.g. "pid 4711 (/run/optbench/cores.json)"; empty when none
   */
  public static Optional<String> liveHolder(Path stateDir) {
    Path file = stateDir.resolve("cores.json");
    return RecordFile.read(file, Record.class)
        .filter(r -> r.owner().alive())
        .map(r -> "pid " + r.owner().pid() + " (" + file + ")");
  }
}
