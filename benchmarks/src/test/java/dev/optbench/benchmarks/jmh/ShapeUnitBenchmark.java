package dev.optbench.benchmarks.jmh;

import dev.optbench.harness.metrics.ResourceUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Shaped like {@link FfmpegUnitBenchmark} (SingleShotTime, ms/op, params variant and unit, totals
 * handed to {@link KernelCountersProfiler}) but with made-up totals and no sandbox, so real JMH can
 * run it in a unit test; every invocation's totals are kept for the test to rebuild the same file
 * outside JMH.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ShapeUnitBenchmark {
  static final Map<String, List<ResourceUsage>> INVOKED = new LinkedHashMap<>();

  @Param({"O0", "O2"})
  public String variant;

  @Param({"u1", "u2"})
  public String unit;

  @Benchmark
  public ResourceUsage run() {
    List<ResourceUsage> mine =
        INVOKED.computeIfAbsent(variant + "/" + unit, k -> new ArrayList<>());
    long n = mine.size() + 1;
    long base = variant.equals("O0") ? 2_000_000 : 1_000_000;
    ResourceUsage u =
        new ResourceUsage(
            base * (10 + n),
            base * 8,
            base,
            base * 9 + n,
            base * n / 10,
            (long) 5e6 + n,
            0,
            4096 * n,
            false,
            variant.equals("O2") && unit.equals("u2") && n == 3 ? 1 : 0, // one failure: MAX
            0,
            1.0,
            "test");
    mine.add(u);
    LastUnit.record(u);
    return u;
  }
}
