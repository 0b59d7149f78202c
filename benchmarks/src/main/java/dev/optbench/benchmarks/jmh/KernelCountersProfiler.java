package dev.optbench.benchmarks.jmh;

import dev.optbench.harness.metrics.ResourceUsage;
import java.util.ArrayList;
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
 * Adds each unit's kernel-counter totals (cgroup CPU and peak memory, block I/O, OOM kills, wall
 * time next to the process) to JMH's results as secondary metrics, one value per iteration.
 * Registered in {@code META-INF/services/org.openjdk.jmh.profile.Profiler}, so {@code -lprof} lists
 * it and {@code -prof dev.optbench.benchmarks.jmh.KernelCountersProfiler} enables it; the main job
 * always does.
 */
public final class KernelCountersProfiler implements InternalProfiler {

  @Override
  public String getDescription() {
    return "optbench: per-unit kernel-counter totals of ffmpeg units (cpu.user, cpu.sys,"
        + " cpu.total, cpu.wait, cpu.percent, mem.peak, io.read, io.write, oom, failed, wall)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    LastUnit.take(); // drop anything left by a benchmark that is not ours
  }

  @Override
  @SuppressWarnings("rawtypes") // JMH's interface declares the raw type
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    return LastUnit.take().map(KernelCountersProfiler::results).orElse(List.of());
  }

  /** The totals of one unit as JMH scalar results, in {@link UnitMetric}'s order. */
  static List<ScalarResult> results(ResourceUsage usage) {
    List<ScalarResult> out = new ArrayList<>();
    for (UnitMetric m : UnitMetric.values()) {
      // MAX for the counts: a failure or OOM in any thread of an iteration must not average away.
      AggregationPolicy policy =
          m.unit().equals("#") ? AggregationPolicy.MAX : AggregationPolicy.AVG;
      out.add(new ScalarResult(m.label(), m.of(usage), m.unit(), policy));
    }
    return out;
  }
}
