package dev.optbench.harness.runtime;

import dev.optbench.harness.cgroup.CpuList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;

/**
 * Sandbox limits checked when they are read, before any build: the kernel or the engine would
 * refuse them only when the first sandbox opens, once per trial, after the builds.
 */
public final class LimitRules {
  /**
   * The smallest memory limit accepted, for every runtime: Docker's own minimum (6 MiB), which is
   * also about what a static ffmpeg touches before it reads its first frame, so a cgroup limit
   * below it would only OOM-kill every unit.
   */
  public static final long MIN_MEMORY_BYTES = 6L << 20;

  private static final Path STATUS = Path.of("/proc/self/status");

  private LimitRules() {}

  /** Throws IllegalArgumentException (one sentence: which option, what to give) on a bad limit. */
  public static void check(String cpuset, long memoryBytes, Duration timeout, Duration interval) {
    checkCpuset(cpuset, allowedCpus());
    if (memoryBytes < MIN_MEMORY_BYTES) {
      throw new IllegalArgumentException(
          "--memory "
              + memoryBytes
              + " bytes is below the smallest limit a sandbox can run with (6m, Docker's minimum);"
              + " give e.g. --memory 512m");
    }
    positive("--timeout", timeout, "10m");
    positive("--interval", interval, "100ms");
  }

  private static void positive(String option, Duration d, String example) {
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(
          option + " must be more than zero; give e.g. " + option + " " + example);
    }
  }

  static void checkCpuset(String cpuset, BitSet allowed) {
    if (cpuset == null || cpuset.isBlank()) {
      return; // all CPUs
    }
    BitSet wanted;
    try {
      wanted = CpuList.parse(cpuset);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--cpuset '" + cpuset + "' is not a CPU list; write it like 0, 0-1 or 0,2-3", e);
    }
    BitSet outside = (BitSet) wanted.clone();
    outside.andNot(allowed);
    if (wanted.isEmpty() || !outside.isEmpty()) {
      throw new IllegalArgumentException(
          "--cpuset "
              + cpuset
              + " names CPUs this process may not use; pick from "
              + format(allowed)
              + " (this process's allowed CPUs)");
    }
  }

  /** The CPUs the kernel lets this process run on (its affinity mask, as taskset shows it). */
  static BitSet allowedCpus() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("Cpus_allowed_list:")) {
          return CpuList.parse(line.substring(line.indexOf(':') + 1));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // not Linux, or an unexpected format: fall through to the JVM's count
    }
    BitSet all = new BitSet();
    all.set(0, Runtime.getRuntime().availableProcessors());
    return all;
  }

  private static String format(BitSet cpus) {
    return cpus.toString().replace("{", "").replace("}", "").replace(" ", "");
  }
}
