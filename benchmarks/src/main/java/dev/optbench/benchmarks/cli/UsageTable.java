package dev.optbench.benchmarks.cli;

import dev.optbench.harness.metrics.ResourceUsage;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * One line per unit: the totals people read first. {@code cpu ms} is the kernel's exact total
 * (cpuacct.usage, cpu.stat usage_usec); the user/system split is sampled by the scheduler tick (10
 * ms at USER_HZ 100) and scaled to that total, so under one tick it says nothing: shown as "&lt;1
 * tick" rather than a misleading 0.0.
 */
final class UsageTable {
  /** One scheduler tick at USER_HZ 100, the resolution of the user/system split. */
  static final long TICK_NANOS = 10_000_000L;

  static final String NOTE =
      "cpu ms: the kernel's exact CPU total; user/sys: its tick-sampled split (10 ms ticks),"
          + " scaled to the total; \"<1 tick\" where the total is under one tick.";

  private UsageTable() {}

  static String header() {
    return String.format(
        Locale.ROOT,
        "%-8s %10s %10s %10s %10s %7s %10s %9s %9s %6s %s",
        "",
        "wall ms",
        "cpu ms",
        "user ms",
        "sys ms",
        "cpu %",
        "peak MiB",
        "read MiB",
        "write MiB",
        "exit",
        "source");
  }

  static String row(String label, ResourceUsage u) {
    return String.format(
        Locale.ROOT,
        "%-8s %10.1f %10s %10s %10s %7.1f %10.1f %9s %9s %6s %s",
        label,
        u.wallNanos() / 1e6,
        ms(u.cpuTotalNanos()),
        split(u, u.cpuUserNanos()),
        split(u, u.cpuSystemNanos()),
        u.cpuPercent(),
        u.memoryPeakBytes() / 1048576.0,
        mib(u.ioReadBytes()),
        mib(u.ioWriteBytes()),
        u.oomKilled() ? "OOM" : u.signal() != 0 ? "sig" + u.signal() : String.valueOf(u.exitCode()),
        u.source());
  }

  private static String ms(long nanos) {
    return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
  }

  /**
   * User or system time, or "<1 tick" when the total is too small for the split to mean anything.
   */
  static String split(ResourceUsage u, long nanos) {
    if (u.cpuTotalNanos() >= 0 && u.cpuTotalNanos() < TICK_NANOS) {
      return "<1 tick";
    }
    return ms(nanos);
  }

  private static String mib(long bytes) {
    return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
  }

  /** Per-field medians; exit status and source from the first unit. */
  static ResourceUsage median(List<ResourceUsage> all) {
    ResourceUsage first = all.get(0);
    return new ResourceUsage(
        med(all, ResourceUsage::wallNanos),
        med(all, ResourceUsage::cpuUserNanos),
        med(all, ResourceUsage::cpuSystemNanos),
        med(all, ResourceUsage::cpuTotalNanos),
        med(all, ResourceUsage::cpuWaitNanos),
        med(all, ResourceUsage::memoryPeakBytes),
        med(all, ResourceUsage::ioReadBytes),
        med(all, ResourceUsage::ioWriteBytes),
        all.stream().anyMatch(ResourceUsage::oomKilled),
        first.exitCode(),
        first.signal(),
        first.allowedCores(),
        first.source());
  }

  private static long med(List<ResourceUsage> all, ToLongFunction<ResourceUsage> f) {
    double[] v = all.stream().mapToLong(f).asDoubleStream().toArray();
    return Math.round(new Median().evaluate(v));
  }
}
