package dev.optbench.harness.runtime.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Kills a unit that ran out of time. The image has no {@code kill} to exec, and killing the exec
 * session from the engine is not possible, so the unit's processes are killed from the host by
 * their host pids, taken from the container's {@code cgroup.procs}. Spared: the container's PID 1
 * (the container must live on) and the unit's optbench-exec (it still reports wall time and the
 * signal).
 */
final class UnitKiller {
  private UnitKiller() {}

  /** Sends SIGKILL to every process of the cgroup but {@code spared}; returns how many. */
  static int killAllBut(Path cgroupDir, Set<Long> spared) {
    int killed = 0;
    for (long pid : pids(cgroupDir)) {
      if (!spared.contains(pid)) {
        killed += ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false) ? 1 : 0;
      }
    }
    return killed;
  }

  static void kill(long pid) {
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
  }

  static List<Long> pids(Path cgroupDir) {
    try {
      return Files.readAllLines(cgroupDir.resolve("cgroup.procs")).stream()
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .map(Long::valueOf)
          .toList();
    } catch (IOException e) {
      return List.of(); // the container is gone, and its processes with it
    }
  }
}
