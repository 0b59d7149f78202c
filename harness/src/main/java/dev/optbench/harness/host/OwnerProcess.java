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
 * .ci/cgroup-v2-vm.sh}: a parent JVM named its child's cgroup folder differently from the child; a
 * janitor in another JVM could so have taken a live run's cgroups for a dead run's). {@code
 * startTicks} is the kernel's own start time, clock ticks since boot ({@code /proc/<pid>/stat}
 * field 22): it never changes for a process, so identity rests on it where both sides have it.
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
    return process.filter(ProcessHandle::isAlive).map(this::sameProcess).orElse(false);
  }

  /** A live process (not a zombie) with our start: one read of its stat file for both. */
  private boolean sameProcess(ProcessHandle p) {
    String[] fields = stat(p.pid());
    if (zombie(fields)) {
      return false;
    }
    long ticks = ticks(fields);
    if (startTicks > 0 && ticks > 0) {
      return startTicks == ticks;
    }
    String instant = p.info().startInstant().map(Instant::toString).orElse("");
    return instant.equals(started == null ? "" : started);
  }

  /**
   * A zombie (state Z, or X while it goes): the process has ended and only waits to be reaped,
   * which the JDK still counts as alive. A killed run's JVM whose parent is gone too stays one
   * until init reaps it, and its leftovers are a dead run's.
   */
  static boolean exited(long pid) {
    return zombie(stat(pid));
  }

  private static boolean zombie(String[] fields) {
    return fields.length > 0 && (fields[0].equals("Z") || fields[0].equals("X"));
  }

  /** Field 22 of {@code /proc/<pid>/stat}; 0 where there is none (not Linux, process gone). */
  static long startTicks(long pid) {
    return ticks(stat(pid));
  }

  private static long ticks(String[] fields) {
    try {
      return fields.length > STARTTIME ? Long.parseLong(fields[STARTTIME]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Index of field 22 (starttime) among {@link #stat}'s fields, which begin at field 3. */
  private static final int STARTTIME = 22 - 3;

  /**
   * The fields of {@code /proc/<pid>/stat} after the command name, from field 3 (state) on; none
   * where the file cannot be read. The name (field 2) is in parentheses and may hold spaces or ')',
   * so the fields start after the last ')'.
   */
  private static String[] stat(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    } catch (IOException | RuntimeException e) {
      return new String[0];
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
