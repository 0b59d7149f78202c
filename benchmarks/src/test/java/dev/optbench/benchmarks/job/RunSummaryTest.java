package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.compare.CompareOptions;
import dev.optbench.results.jmh.BenchmarkResultBuilder;
import dev.optbench.results.model.BenchmarkResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The end-of-run verdict counts failed invocations beside the numbers and never inside them. */
class RunSummaryTest {

  private static BenchmarkResult unit(String id, double wallMs, boolean failed) {
    List<Double> wall = List.of(wallMs, wallMs * 1.01, wallMs * 0.99, wallMs * 1.02, wallMs);
    List<Double> flags =
        List.of(1.0, 1.0, 1.0, 1.0, 1.0).stream().map(f -> failed ? f : 0).toList();
    return new BenchmarkResultBuilder("dev.optbench.benchmarks.jmh.FfmpegUnitBenchmark.run")
        .param("unit", id)
        .primary("s/op", List.of(wall.stream().map(w -> w / 1000).toList()))
        .secondary("wall", "ms", List.of(wall))
        .secondary("cpu.total", "ms", List.of(wall))
        .secondary("cpu.wait", "ms", List.of(wall.stream().map(w -> w / 10).toList()))
        .secondary("mem.peak", "MiB", List.of(wall.stream().map(w -> 40.0).toList()))
        .secondary("oom", "#", List.of(List.of(0.0, 0.0, 0.0, 0.0, 0.0)))
        .secondary("failed", "#", List.of(flags))
        .build();
  }

  /**
   * Issue 11: every O0 invocation timed out at 1.5 s; the summary printed "O0 1.270x" (a clean run:
   * 4.05x) and the median table a median of cut-short times.
   */
  @Test
  void aVariantWhoseEveryInvocationTimedOutHasNoRatioAndItsFailuresAreCounted() {
    Map<String, List<BenchmarkResult>> variants = new LinkedHashMap<>();
    variants.put("O0", List.of(unit("u1", 1500, true)));
    variants.put("O2", List.of(unit("u1", 370, false)));

    String text =
        new RunSummary("O2", variants, CompareOptions.defaults().withResamples(1000)).text();

    String o0 = text.lines().filter(l -> l.startsWith("O0 ")).findFirst().orElseThrow();
    assertThat(o0).doesNotContainPattern("\\d\\.\\d{3}x").contains("no verdict").endsWith("5 of 5");
    assertThat(text)
        .contains("O0 u1: no verdict: 0 of 5 invocations succeeded on O0 (5 failed)")
        .doesNotContain("1500.0");
    String row = text.lines().filter(l -> l.startsWith("u1 ")).findFirst().orElseThrow();
    assertThat(row).contains("failed").contains("370.0");
  }

  private static BenchmarkResult on(String engine, BenchmarkResult r) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("engine", engine);
    params.putAll(r.params());
    return r.withParams(params);
  }

  /**
   * On named engines a unit has a row per engine in the median table, and the ratio is taken on
   * O0's engine only: the baseline on the twice-as-slow engine b never enters O0's 2.0x.
   */
  @Test
  void onNamedEnginesTheUnitTableHasAnEngineColumnAndRatiosStayWithinAnEngine() {
    Map<String, List<BenchmarkResult>> variants = new LinkedHashMap<>();
    variants.put("O0", List.of(on("a", unit("u1", 800, false))));
    variants.put("O2", List.of(on("a", unit("u1", 400, false)), on("b", unit("u1", 800, false))));

    String text =
        new RunSummary("O2", variants, CompareOptions.defaults().withResamples(1000)).text();

    assertThat(text).containsPattern("(?m)^median wall ms engine +O0 +O2$");
    assertThat(text).containsPattern("(?m)^u1 +a +800\\.0 +400\\.0$");
    assertThat(text).containsPattern("(?m)^u1 +b +- +800\\.0$");
    String o0 = text.lines().filter(l -> l.startsWith("O0 ")).findFirst().orElseThrow();
    assertThat(o0).contains("2.000x");
  }

  @Test
  void successfulUnitsStillGetTheirRatio() {
    Map<String, List<BenchmarkResult>> variants = new LinkedHashMap<>();
    variants.put("O0", List.of(unit("u1", 1500, false)));
    variants.put("O2", List.of(unit("u1", 370, false)));

    String text =
        new RunSummary("O2", variants, CompareOptions.defaults().withResamples(1000)).text();

    String o0 = text.lines().filter(l -> l.startsWith("O0 ")).findFirst().orElseThrow();
    assertThat(o0).contains("4.05").endsWith("0 of 5").doesNotContain("no verdict");
    assertThat(text)
        .contains("contention (cpu.wait % of wall, median/max): O0 10.0/10.0, O2 10.0/10.0");
  }
}
