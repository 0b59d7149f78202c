package dev.optbench.results.compare;

import java.util.Locale;

/** Which way is better for a metric, decided by its unit. */
public enum Direction {
  /** Time per operation, CPU time, memory, bytes, instructions executed: less is better. */
  LOWER_IS_BETTER,
  /** Throughput (ops per time): more is better. */
  HIGHER_IS_BETTER,
  /** Unknown unit (counters, "#"): shown, never gated. */
  NEUTRAL;

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
