package dev.optbench.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.Crafted;
import dev.optbench.results.compare.CompareOptions;
import dev.optbench.results.compare.Comparison;
import dev.optbench.results.jmh.BenchmarkResultBuilder;
import dev.optbench.results.model.BenchmarkResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictMetricTest {

  /** One command's result: wall ~{@code wallMs}, CPU a little under, cpu.wait a share of wall. */
  private static BenchmarkResult result(long seed, double wallMs, double waitShare, boolean wait) {
    BenchmarkResultBuilder b =
        new BenchmarkResultBuilder("dev.optbench.benchmarks.jmh.FfmpegUnitBenchmark.run")
            .param("unit", "cmd" + seed % 3)
            .primary("s/op", Crafted.raw(seed, 1, 8, wallMs / 1000, 0.02))
            .secondary("wall", "ms", Crafted.raw(seed + 1, 1, 8, wallMs, 0.02))
            .secondary("cpu.total", "ms", Crafted.raw(seed + 2, 1, 8, wallMs * 0.95, 0.01));
    if (wait) {
      b.secondary("cpu.wait", "ms", Crafted.raw(seed + 3, 1, 8, wallMs * waitShare, 0.05));
    }
    return b.build();
  }

  private static List<Comparison> comparisons(double waitShare, boolean wait) {
    List<BenchmarkResult> base =
        List.of(result(0, 400, waitShare, wait), result(1, 900, waitShare, wait));
    List<BenchmarkResult> cand =
        List.of(result(10, 380, waitShare, wait), result(11, 870, waitShare, wait));
    return List.of(
        Comparison.of("O2", base, "O3", cand, CompareOptions.defaults().withResamples(200)));
  }

  private static VerdictMetric chosen(double waitShare, boolean wait) {
    return VerdictMetric.of(comparisons(waitShare, wait));
  }

  @Test
  void lowContentionKeepsWallTimeAndSaysWhy() {
    VerdictMetric m = chosen(0.02, true);
    assertThat(m.name()).isEqualTo(VerdictMetric.PROCESS_WALL);
    assertThat(m.reason()).startsWith("contention was low").contains("2.0 %").contains("5 %");
  }

  @Test
  void contendedRunsRestOnCpuTime() {
    VerdictMetric m = chosen(0.15, true);
    assertThat(m.name()).isEqualTo(VerdictMetric.CPU_TOTAL);
    assertThat(m.noun()).isEqualTo("CPU time");
    assertThat(m.reason()).startsWith("the machine was contended").contains("15.");
  }

  @Test
  void withoutWaitMeasuredWallTimeStandsWithoutAReason() {
    VerdictMetric m = chosen(0.30, false);
    assertThat(m.name()).isEqualTo(VerdictMetric.PROCESS_WALL);
    assertThat(m.reason()).isEmpty();
  }

  @Test
  void headlineNamesTheReason() {
    assertThat(Headlines.about(Map.of("O3", comparisons(0.15, true).get(0)), "O2"))
        .contains("CPU time because the machine was contended");
  }
}
