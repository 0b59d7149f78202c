package dev.optbench.benchmarks.jmh;

import dev.optbench.harness.metrics.ResourceUsage;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the totals of the unit that just ran from the benchmark method to {@link
 * KernelCountersProfiler}, which JMH calls in the same JVM right after the iteration. One slot:
 * SingleShotTime runs one invocation per iteration on one thread.
 */
final class LastUnit {
  private static final AtomicReference<ResourceUsage> SLOT = new AtomicReference<>();

  private LastUnit() {}

  static void record(ResourceUsage usage) {
    SLOT.set(usage);
  }

  /** The unit's totals, once; empty if no unit ran since the last call. */
  static Optional<ResourceUsage> take() {
    return Optional.ofNullable(SLOT.getAndSet(null));
  }
}
