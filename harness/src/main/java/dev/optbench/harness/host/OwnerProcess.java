package dev.optbench.harness.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A process named so that it can be told apart from any later one: boot id, pid and start time (a
 * pid alone is reused). Written next to what a run leaves (run.json, container labels) so the next
 * run knows whether the writer is gone and its leftovers are to be cleaned.
 *
 * @param bootId {@code /proc/sys/kernel/random/boot_id}; "" where the kernel has none
 * @param started the process's start instant as text; "" when unknown
 */
public record OwnerProcess(String bootId, long pid, String started) {

  public static OwnerProcess current() {
    return of(ProcessHandle.current());
  }

  public static OwnerProcess of(ProcessHandle process) {
    return new OwnerProcess(
        thisBoot(), process.pid(), process.info().startInstant().map(Instant::toString).orElse(""));
  }

  /**
   * A process of this boot known by pid and start instant, e.g. from a name that carries no boot id
   * because what it names cannot outlive the boot (a cgroup folder).
   */
  public static OwnerProcess ofThisBoot(long pid, Instant started) {
    return new OwnerProcess(thisBoot(), pid, started.toString());
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
        .map(p -> of(p).started().equals(started == null ? "" : started))
        .orElse(false);
  }

  static String thisBoot() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).trim();
    } catch (IOException e) {
      return "";
    }
  }
}
