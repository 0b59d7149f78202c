package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.jmh.BenchmarkResultBuilder;
import dev.optbench.results.model.BenchmarkResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentionTest {
  private static BenchmarkResult unit(List<Double> wall, List<Double> wait) {
    BenchmarkResultBuilder b =
        new BenchmarkResultBuilder("dev.optbench.benchmarks.jmh.FfmpegUnitBenchmark.run")
            .param("unit", "u1")
            .primary("ms/op", List.of(wall))
            .secondary("wall", "ms", List.of(wall));
    return wait == null ? b.build() : b.secondary("cpu.wait", "ms", List.of(wait)).build();
  }

  @Test
  void medianAndWorstInvocationPerVariantAsShareOfItsOwnWall() {
    Map<String, List<BenchmarkResult>> variants = new LinkedHashMap<>();
    // one starved invocation (300 of 400 ms waiting) stands out in the max, not in the median
    variants.put("O0", List.of(unit(List.of(200.0, 210.0, 400.0), List.of(2.0, 4.2, 300.0))));
    variants.put("O2", List.of(unit(List.of(100.0, 100.0), List.of(1.0, Double.NaN))));

    assertThat(Contention.line(variants))
        .isEqualTo(
            "contention (cpu.wait % of wall, median/max): O0 2.0/75.0, O2 1.0/1.0;"
                + " 1 of 5 invocations starved (cpu.wait over 25 % of wall),"
                + " kept out of the verdicts");
  }

  @Test
  void aQuietRunSaysNoneWasStarved() {
    Map<String, List<BenchmarkResult>> variants = new LinkedHashMap<>();
    variants.put("O2", List.of(unit(List.of(100.0, 100.0), List.of(1.0, 24.0))));

    assertThat(Contention.line(variants))
        .endsWith("; none of 2 invocations starved (cpu.wait over 25 % of wall)");
  }

  @Test
  void aRunWithoutTheCounterSaysSoInsteadOfZero() {
    Map<String, List<BenchmarkResult>> variants = new LinkedHashMap<>();
    variants.put("O2", List.of(unit(List.of(100.0), null)));
    variants.put("O3", List.of(unit(List.of(100.0), List.of(Double.NaN))));

    assertThat(Contention.line(variants)).startsWith("contention: not measured");
  }
}
