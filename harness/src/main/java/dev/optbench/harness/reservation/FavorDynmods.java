package dev.optbench.harness.reservation;

import dev.optbench.harness.cgroup.CgroupLocator;
import dev.optbench.harness.host.OwnerProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cheap cgroup migrations while a run measures: the cgroup2 mount's {@code favordynmods} option
 * (Linux 6.0+), set for the run and put back afterwards.
 *
 * <p>Why: every unit joins a fresh cgroup between fork and exec, and the first migration after an
 * idle spell waits for an RCU grace period (the kernel's {@code cgroup_threadgroup_rwsem} returns
 * to its fast-reader mode when idle, and a writer must wait to leave it). Timed here (AMD EPYC VM,
 * kernel 6.18, v1 {@code cpu} hierarchy, a pid written after 100 ms idle, 20 times): median 12.0
 * ms, max 19 ms; with {@code favordynmods}, 0.1 ms. The unit's own clock starts after the joins, so
 * this is harness time, not measured time: ~10 ms per invocation of the stage's overhead. The
 * option is global (it applies to v1 hierarchies too); the kernel documents its price as slightly
 * dearer forks and exits, which every variant pays alike. From Linux 6.18 it switches cgroup.procs
 * writes to a per-process lock that stays on until reboot, whatever the mount option says later.
 *
 * <p>Like {@link CoreReservation}: a record under /run (owner first) is written before the remount,
 * so a run killed with SIGKILL is undone by the next run's {@link #restoreAfterDeadOwner}; Ctrl-C
 * and SIGTERM are undone by a shutdown hook. The mount's other options are given back exactly
 * (replace mode): a remount with fewer options would drop {@code nsdelegate} and the like.
 */
public final class FavorDynmods implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FavorDynmods.class);
  static final String OPTION = "favordynmods";
  static final String FILE = "favordynmods.json";

  /**
   * What the record holds: who set the option, where, and the mount's options before.
   *
   * @param superOptions the cgroup2 super options before the run, as {@code /proc/self/mountinfo}
   *     gave them (e.g. "rw,nsdelegate,memory_recursiveprot")
   */
  public record Record(OwnerProcess owner, String mountPoint, String superOptions) {}

  /** Runs {@code mount}; a test's fake records the argv instead. */
  interface Mounter {
    /**
     * @return empty on success, else what mount said
     */
    Optional<String> run(List<String> argv);
  }

  private final String description;
  private final Optional<Record> changed;
  private final Path file;
  private final Mounter mounter;
  private final Thread hook;
  private boolean released;

  private FavorDynmods(String description, Optional<Record> changed, Path file, Mounter mounter) {
    this.description = description;
    this.changed = changed;
    this.file = file;
    this.mounter = mounter;
    this.hook = new Thread(this::release, "optbench-favordynmods");
    if (changed.isPresent()) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
  }

  /** Nothing changed, with the reason in words (for the console and host.json). */
  public static FavorDynmods untouched(String why) {
    return new FavorDynmods(why, Optional.empty(), Path.of(""), argv -> Optional.empty());
  }

  /**
   * The one rule for a run (main job and {@code run} alike): fast joins where units join cgroups on
   * this machine (the cgroup runtime, a local Docker engine's unit cgroups); nothing for the
   * process runtime (no cgroup), for named engines (their units join cgroups on their own hosts),
   * or with {@code --no-favordynmods}. Says what it did on {@code out}.
   */
  public static FavorDynmods forRun(
      boolean wanted, String runtime, boolean namedEngines, PrintStream out) {
    FavorDynmods f;
    if (!wanted) {
      f = untouched("cgroup migrations: as the host has them (--no-favordynmods)");
    } else if (runtime.equals("process")) {
      f = untouched("cgroup migrations: none (the process runtime has no cgroup)");
    } else if (namedEngines) {
      f = untouched("cgroup migrations: as each engine's host has them (named engines)");
    } else {
      f = hold(CoreReservation.STATE_DIR);
    }
    out.println(f.describe());
    return f;
  }

  /**
   * Sets the option on this machine's cgroup2 mount for as long as this object is open, unless it
   * is set already or cannot be: then nothing changes and {@link #describe} says why.
   */
  public static FavorDynmods hold(Path stateDir) {
    try {
      return hold(
          Files.readAllLines(Path.of("/proc/self/mountinfo")), stateDir, FavorDynmods::mount);
    } catch (IOException e) {
      return untouched(
          "cgroup migrations: as the host has them (cannot read mountinfo: " + e + ")");
    }
  }

  static FavorDynmods hold(List<String> mountinfo, Path stateDir, Mounter mounter) {
    restoreAfterDeadOwner(stateDir, mountinfo, mounter).ifPresent(LOG::info);
    Optional<CgroupLocator.Cgroup2Mount> found = CgroupLocator.cgroup2Mount(mountinfo);
    if (found.isEmpty()) {
      return untouched(
          "cgroup migrations: as the host has them (no cgroup2 mount to set "
              + OPTION
              + " on: a v1-only host)");
    }
    CgroupLocator.Cgroup2Mount m = found.get();
    if (m.options().contains(OPTION)) {
      return untouched(
          "cgroup migrations: fast (" + m.mountPoint() + " is mounted with " + OPTION + ")");
    }
    Path file = stateDir.resolve(FILE);
    Optional<Record> live = RecordFile.read(file, Record.class).filter(r -> r.owner().alive());
    if (live.isPresent()) {
      return untouched(
          "cgroup migrations: as the host has them (another run, pid "
              + live.get().owner().pid()
              + ", holds "
              + file
              + ")");
    }
    Record record = new Record(OwnerProcess.current(), m.mountPoint(), m.superOptions());
    try {
      RecordFile.write(file, record);
    } catch (UncheckedIOException e) {
      return untouched(
          "cgroup migrations: as the host has them (cannot write " + file + ": run as root)");
    }
    Optional<String> refused =
        mounter.run(remount(m.mountPoint(), m.superOptions() + "," + OPTION));
    if (refused.isPresent()) {
      RecordFile.delete(file);
      return untouched(
          "cgroup migrations: as the host has them (remounting "
              + m.mountPoint()
              + " with "
              + OPTION
              + " was refused: "
              + refused.get()
              + "; it needs root and Linux 6.0+)");
    }
    return new FavorDynmods(
        "cgroup migrations: fast for the run ("
            + m.mountPoint()
            + " remounted with "
            + OPTION
            + ", put back when the run ends; without it each unit's cgroup join waited ~10 ms"
            + " for the kernel, outside the unit's clock)",
        Optional.of(record),
        file,
        mounter);
  }

  /** One line for people: what was done, or why nothing was. */
  public String describe() {
    return description;
  }

  /** Whether this run set the option (and will put it back). */
  public boolean changed() {
    return changed.isPresent();
  }

  @Override
  public void close() {
    release();
    if (changed.isPresent()) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or ran: release() did the work
      }
    }
  }

  private synchronized void release() {
    if (released || changed.isEmpty()) {
      return;
    }
    released = true;
    Record r = changed.get();
    mounter
        .run(remount(r.mountPoint(), r.superOptions()))
        .ifPresent(
            why ->
                LOG.warn("could not put {} back to {}: {}", r.mountPoint(), r.superOptions(), why));
    RecordFile.delete(file);
  }

  /**
   * Puts back the mount options a dead run changed (killed with SIGKILL, so its hook never ran); a
   * live owner's record is left alone.
   *
   * @return what was undone, for the console; empty when there was nothing to undo
   */
  public static Optional<String> restoreAfterDeadOwner(Path stateDir) {
    try {
      return restoreAfterDeadOwner(
          stateDir, Files.readAllLines(Path.of("/proc/self/mountinfo")), FavorDynmods::mount);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static Optional<String> restoreAfterDeadOwner(
      Path stateDir, List<String> mountinfo, Mounter mounter) {
    Path file = stateDir.resolve(FILE);
    Optional<Record> record = RecordFile.read(file, Record.class);
    if (record.isEmpty() || record.get().owner().alive()) {
      return Optional.empty();
    }
    Record r = record.get();
    Optional<String> refused = mounter.run(remount(r.mountPoint(), r.superOptions()));
    RecordFile.delete(file);
    return Optional.of(
        "put "
            + r.mountPoint()
            + " back to "
            + r.superOptions()
            + " after a dead run (pid "
            + r.owner().pid()
            + ")"
            + refused.map(why -> " failed: " + why).orElse(""));
  }

  /** Replace mode: exactly these options, not merged with fstab's or the current ones. */
  static List<String> remount(String mountPoint, String options) {
    return List.of(
        "mount",
        "--options-mode=replace",
        "--options-source=disable",
        "-o",
        "remount," + options,
        mountPoint);
  }

  private static Optional<String> mount(List<String> argv) {
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.of("mount did not return in 30 s");
      }
      return p.exitValue() == 0
          ? Optional.empty()
          : Optional.of(said.isEmpty() ? "exit " + p.exitValue() : said);
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }
}
