package dev.optbench.harness.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A process named so that it can be told apart from any later one: boot id, pid and start time (a
 * pid alone is reused). Written next to what a run leaves (run.json, container labels, cgroup
 * folder names) so the next run knows whether the writer is gone and its leftovers are to be
 * cleaned.
 *
 * <p>Two start times, because only one of them is exact. {@code started} is the JDK's start
 * instant, for people; the JDK computes it from the boot time in {@code /proc/stat}, which the
 * kernel derives from the wall clock, so two JVMs can disagree about the same process by seconds
 * wherever the clock is stepped or drifts (seen in the qemu TCG guest of {@code
 * .ci/cgroup-v2-vm.sh}: the janitor took a live run's cgroups for a dead run's). {@code startTicks}
 * is the kernel's own start time, clock ticks since boot ({@code /proc/<pid>/stat} field 22): it
 * never changes for a process, so identity rests on it where both sides have it.
 *
 * @param bootId {@code /proc/sys/kernel/random/boot_id}; "" where the kernel has none
 * @param started the process's start instant as text; "" when unknown
 * @param startTicks clock ticks from boot to the process's start; 0 when unknown (records written
 *     before it existed read back as 0)
 */
public record OwnerProcess(String bootId, long pid, String started, long startTicks) {

  /** Without the kernel's start ticks: identity then rests on {@code started}. */
  public OwnerProcess(String bootId, long pid, String started) {
    this(bootId, pid, started, 0);
  }

  public static OwnerProcess current() {
    return of(ProcessHandle.current());
  }

  public static OwnerProcess of(ProcessHandle process) {
    return new OwnerProcess(
        thisBoot(),
        process.pid(),
        process.info().startInstant().map(Instant::toString).orElse(""),
        startTicks(process.pid()));
  }

  /**
   * A process of this boot known by pid and start instant, e.g. from a name that carries no boot id
   * because what it names cannot outlive the boot (a cgroup folder).
   */
  public static OwnerProcess ofThisBoot(long pid, Instant started) {
    return new OwnerProcess(thisBoot(), pid, started.toString(), 0);
  }

  /** A process of this boot known by pid and the kernel's start ticks. */
  public static OwnerProcess ofThisBoot(long pid, long startTicks) {
    return new OwnerProcess(thisBoot(), pid, "", startTicks);
  }

  /**
   * Whether this process may still run. Another boot id means an earlier boot, whose processes are
   * all gone; the same pid with another start time is another process. Unknown (no boot id, no pid)
   * counts as alive: what we cannot tell is not ours to remove.
   */
  public boolean alive() {
    String thisBoot = thisBoot();
    if (bootId == null || bootId.isEmpty() || pid <= 0 || thisBoot.isEmpty()) {
      return true;
    }
    if (!bootId.equals(thisBoot)) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    return process
        .filter(ProcessHandle::isAlive)
        .filter(p -> !exited(p.pid()))
        .map(p -> sameStart(of(p)))
        .orElse(false);
  }

  /**
   * A zombie (state Z, or X while it goes): the process has ended and only waits to be reaped,
   * which the JDK still counts as alive. A killed run's JVM whose parent is gone too stays one
   * until init reaps it, and its leftovers are a dead run's.
   */
  static boolean exited(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
      return state == 'Z' || state == 'X';
    } catch (IOException | RuntimeException e) {
      return false; // unknown: left to ProcessHandle's answer
    }
  }

  private boolean sameStart(OwnerProcess now) {
    if (startTicks > 0 && now.startTicks() > 0) {
      return startTicks == now.startTicks();
    }
    return now.started().equals(started == null ? "" : started);
  }

  /** Field 22 of {@code /proc/<pid>/stat}; 0 where there is none (not Linux, process gone). */
  static long startTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (field 2) is in parentheses and may hold spaces or ')': fields after
      // the last ')' start at field 3.
      String[] rest = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      return Long.parseLong(rest[22 - 3]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static String thisBoot() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
    } catch (IOException e) {
      return "";
    }
  }
}
