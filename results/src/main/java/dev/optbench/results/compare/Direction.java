package dev.optbench.results.compare;

import java.util.Locale;
import java.util.Set;

/** Which way is better for a metric, decided by its unit. */
public enum Direction {
  /** Time per operation, CPU time, memory, bytes, instructions executed: less is better. */
  LOWER_IS_BETTER,
  /** Throughput (ops per time): more is better. */
  HIGHER_IS_BETTER,
  /** Unknown unit (counters, "#"): shown, never gated. */
  NEUTRAL;

  /**
   * Metrics that describe the machine during the run rather than the variant: {@code cpu.wait}
   * (time a unit waited for a CPU) is the other work on the host. Shown, never judged, so a busy
   * neighbour cannot fail a gate as a "regression" of the variant it happened to delay.
   */
  public static final Set<String> ABOUT_THE_MACHINE = Set.of("cpu.wait");

  /**
   * The direction of metric {@code label}: NEUTRAL for {@link #ABOUT_THE_MACHINE}, else by unit.
   */
  public static Direction of(String label, String unit) {
    return ABOUT_THE_MACHINE.contains(label) ? NEUTRAL : ofUnit(unit);
  }

  public static Direction ofUnit(String unit) {
    String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
    if (u.startsWith("ops/") || u.endsWith("/s") && !u.contains("/op")) {
      return HIGHER_IS_BETTER; // ops/s, ops/ms, MB/s
    }
    if (u.endsWith("/op")
        || u.matches("(ns|us|µs|ms|s|sec|seconds|min|%|percent|cpu%)")
        || u.matches("(b|bytes|kb|kib|mb|mib|gb|gib)")
        || u.equals("instructions")) {
      return LOWER_IS_BETTER;
    }
    return NEUTRAL;
  }
}
