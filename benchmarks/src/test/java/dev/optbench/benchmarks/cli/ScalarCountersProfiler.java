package dev.optbench.benchmarks.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Real per-iteration numbers (heap in use, GC count) as ScalarResults, which JMH merges into {@code
 * secondaryMetrics} as optbench's container metrics profiler's counters are merged. AVG, because
 * optbench's secondaries are means over repetitions. Top-level, not nested: JMH loads a profiler by
 * its canonical name, which is not a nested class's binary name.
 */
public final class ScalarCountersProfiler implements InternalProfiler {
  @Override
  public String getDescription() {
    return "heap and GC counters per iteration, as optbench's secondary metrics";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {}

  @Override
  public Collection<? extends Result<?>> afterIteration(
      BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
    Runtime rt = Runtime.getRuntime();
    double heapMiB = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
    long gcs = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcs += Math.max(0, gc.getCollectionCount());
    }
    return List.of(
        new ScalarResult("mem.heap", heapMiB, "MiB", AggregationPolicy.AVG),
        new ScalarResult("gc.count", gcs, "#", AggregationPolicy.AVG));
  }
}
