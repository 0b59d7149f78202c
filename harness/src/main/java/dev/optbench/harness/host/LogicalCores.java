package dev.optbench.harness.host;

import oshi.SystemInfo;

/** The host's logical processor count from OSHI, read once: the ceiling for allowed cores. */
public final class LogicalCores {
  private static volatile int count;

  private LogicalCores() {}

  public static int count() {
    if (count == 0) {
      count = Math.max(1, new SystemInfo().getHardware().getProcessor().getLogicalProcessorCount());
    }
    return count;
  }
}
