package dev.optbench.harness.cgroup;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Kills every task of a cgroup. A task may fork while we read the list, so this repeats until the
 * list stays empty or the deadline passes.
 */
final class CgroupKiller {
  static final Duration DEADLINE = Duration.ofSeconds(10);

  private CgroupKiller() {}

  /**
   * @param pids reads the cgroup's tasks now
   * @return true if the cgroup is empty
   */
  static boolean killAll(Supplier<List<Long>> pids) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (true) {
      List<Long> left = pids.get();
      if (left.isEmpty()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      for (long pid : left) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return pids.get().isEmpty();
      }
    }
  }

  /** Parses a cgroup.procs file's text. */
  static List<Long> parsePids(String procs) {
    return procs.lines().map(String::strip).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
  }
}
