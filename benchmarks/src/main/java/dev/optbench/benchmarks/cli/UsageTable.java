package dev.optbench.benchmarks.cli;

import dev.optbench.harness.metrics.ResourceUsage;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/** One line per unit: the totals people read first. */
final class UsageTable {
  private UsageTable() {}

  static String header() {
    return String.format(
        Locale.ROOT,
        "%-8s %10s %10s %10s %7s %10s %9s %9s %6s %s",
        "",
        "wall ms",
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
        "%-8s %10.1f %10.1f %10.1f %7.1f %10.1f %9s %9s %6s %s",
        label,
        u.wallNanos() / 1e6,
        u.cpuUserNanos() / 1e6,
        u.cpuSystemNanos() / 1e6,
        u.cpuPercent(),
        u.memoryPeakBytes() / 1048576.0,
        mib(u.ioReadBytes()),
        mib(u.ioWriteBytes()),
        u.oomKilled() ? "OOM" : u.signal() != 0 ? "sig" + u.signal() : String.valueOf(u.exitCode()),
        u.source());
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
