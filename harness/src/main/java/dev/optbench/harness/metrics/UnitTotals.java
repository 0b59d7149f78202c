package dev.optbench.harness.metrics;

import java.util.List;
import java.util.function.LongBinaryOperator;
import java.util.function.ToLongFunction;

/**
 * Adds up the steps of one benchmark unit (a two-pass encode is two processes, both the unit's
 * cost): times and I/O add, the peak is the highest step's peak, the unit failed if any step did
 * and reports the first failing step's exit. An unreadable counter in any step stays unknown.
 */
public final class UnitTotals {
  private UnitTotals() {}

  public static ResourceUsage sum(List<ResourceUsage> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a unit has at least one step");
    }
    if (steps.size() == 1) {
      return steps.get(0);
    }
    ResourceUsage first = steps.get(0);
    ResourceUsage exit = steps.stream().filter(s -> !s.succeeded()).findFirst().orElse(first);
    return new ResourceUsage(
        add(steps, ResourceUsage::wallNanos),
        add(steps, ResourceUsage::cpuUserNanos),
        add(steps, ResourceUsage::cpuSystemNanos),
        add(steps, ResourceUsage::cpuTotalNanos),
        add(steps, ResourceUsage::cpuWaitNanos),
        max(steps, ResourceUsage::memoryPeakBytes),
        add(steps, ResourceUsage::ioReadBytes),
        add(steps, ResourceUsage::ioWriteBytes),
        steps.stream().anyMatch(ResourceUsage::oomKilled),
        exit.exitCode(),
        exit.signal(),
        first.allowedCores(),
        first.source());
  }

  private static long add(List<ResourceUsage> steps, ToLongFunction<ResourceUsage> f) {
    return fold(steps, f, Long::sum);
  }

  private static long max(List<ResourceUsage> steps, ToLongFunction<ResourceUsage> f) {
    return fold(steps, f, Math::max);
  }

  private static long fold(
      List<ResourceUsage> steps, ToLongFunction<ResourceUsage> f, LongBinaryOperator op) {
    long acc = 0;
    for (ResourceUsage s : steps) {
      long v = f.applyAsLong(s);
      if (v < 0) {
        return ResourceUsage.UNKNOWN;
      }
      acc = op.applyAsLong(acc, v);
    }
    return acc;
  }
}
