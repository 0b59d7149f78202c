package dev.optbench.benchmarks.rounds;

import dev.optbench.harness.metrics.ResourceUsage;
import java.time.Instant;

/**
 * One pair run once, with when: {@code start} for people and files, the monotonic clock for spans.
 * The span covers what the harness does around the unit (work-folder reset, launch, counters,
 * copies to and from a remote engine), so span minus the unit's wall is the harness's cost per
 * unit.
 */
public record Invocation(
    Pair pair, Instant start, long startNanos, long endNanos, ResourceUsage usage) {
  public long spanNanos() {
    return endNanos - startNanos;
  }
}
