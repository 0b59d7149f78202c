package dev.optbench.benchmarks.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.results.Crafted;
import dev.optbench.results.jmh.BenchmarkResultBuilder;
import dev.optbench.results.model.BenchmarkResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrecisionTargetTest {
  private static final String BENCH = "dev.optbench.benchmarks.jmh.FfmpegUnitBenchmark.run";

  /**
   * One unit of one variant: {@code rounds} wall values around {@code ms} with spread {@code cv}.
   */
  private static BenchmarkResult unit(String unit, long seed, int rounds, double ms, double cv) {
    return new BenchmarkResultBuilder(BENCH)
        .param("unit", unit)
        .primary("ms/op", Crafted.raw(seed, 1, rounds, ms, cv))
        .secondary("wall", "ms", Crafted.raw(seed + 1, 1, rounds, ms, cv))
        .secondary("cpu.total", "ms", Crafted.raw(seed + 2, 1, rounds, ms * 0.98, cv))
        .build();
  }

  /** O2 (baseline) and O3 on a quiet unit "steady" and a unit "noisy" with spread {@code cv}. */
  private static Map<String, List<BenchmarkResult>> run(int rounds, double noisyCv) {
    Map<String, List<BenchmarkResult>> variants = new LinkedHashMap<>();
    variants.put(
        "O2",
        List.of(unit("steady", 1, rounds, 400, 0.002), unit("noisy", 2, rounds, 30, noisyCv)));
    variants.put(
        "O3",
        List.of(unit("steady", 11, rounds, 390, 0.002), unit("noisy", 12, rounds, 29, noisyCv)));
    return variants;
  }

  @Test
  void offAsksForNothing() {
    PrecisionTarget.Step step = PrecisionTarget.OFF.next(run(10, 0.2), "O2", 10);
    assertThat(step.moreRounds()).isZero();
    assertThat(step.reason()).isEmpty();
  }

  @Test
  void tightIntervalsStopAndSaySo() {
    PrecisionTarget.Step step = new PrecisionTarget(0.02, 40).next(run(10, 0.002), "O2", 10);
    assertThat(step.moreRounds()).isZero();
    assertThat(step.reason())
        .startsWith("precision: every interval of wall time within ±2.0 % after 10 rounds");
  }

  @Test
  void aWideIntervalAsksForMoreRoundsNamingWhere() {
    PrecisionTarget.Step step = new PrecisionTarget(0.02, 40).next(run(10, 0.10), "O2", 10);
    // the estimate rests on 10 rounds: at most as many again, at least 2
    assertThat(step.moreRounds()).isBetween(2, 10);
    assertThat(step.reason())
        .contains("after 10 rounds 1 of 2 intervals of wall time are wider than ±2.0 %")
        .contains("(noisy on O3)")
        .contains("more rounds (at most 40 in all)");
  }

  @Test
  void theCapStopsTheRunAndSaysWhatIsStillWide() {
    PrecisionTarget target = new PrecisionTarget(0.02, 12);
    assertThat(target.next(run(10, 0.10), "O2", 10).moreRounds()).isEqualTo(2);
    PrecisionTarget.Step step = target.next(run(12, 0.10), "O2", 12);
    assertThat(step.moreRounds()).isZero();
    assertThat(step.reason())
        .startsWith("precision: stopped at 12 rounds (--max-rounds): 1 of 2 intervals")
        .contains("noisy on O3");
  }

  /**
   * O2 and O3 on one steady unit over 6 rounds; O3's invocations in rounds {@code starvedRounds}
   * waited 60 % of their wall for a CPU, and those in {@code failedRounds} failed.
   */
  private static Map<String, List<BenchmarkResult>> contended(
      List<Integer> starvedRounds, List<Integer> failedRounds) {
    List<List<Double>> wall = Crafted.raw(21, 1, 6, 390, 0.002);
    List<Double> wait = new java.util.ArrayList<>();
    List<Double> failed = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      wait.add(starvedRounds.contains(i) ? 0.6 * wall.get(0).get(i) : 0.0);
      failed.add(failedRounds.contains(i) ? 1.0 : 0.0);
    }
    BenchmarkResult o3 =
        new BenchmarkResultBuilder(BENCH)
            .param("unit", "steady")
            .primary("ms/op", wall)
            .secondary("wall", "ms", wall)
            .secondary("cpu.total", "ms", Crafted.raw(22, 1, 6, 380, 0.002))
            .secondary("cpu.wait", "ms", List.of(wait))
            .secondary("failed", "#", List.of(failed))
            .build();
    Map<String, List<BenchmarkResult>> variants = new LinkedHashMap<>();
    variants.put("O2", List.of(unit("steady", 1, 6, 400, 0.002)));
    variants.put("O3", List.of(o3));
    return variants;
  }

  @Test
  void ratiosShortOfRoundsBecauseOfStarvedInvocationsGetMoreRounds() {
    PrecisionTarget.Step step =
        new PrecisionTarget(0.02, 20).next(contended(List.of(1, 4), List.of()), "O2", 6);
    // 4 usable pairs of 6: below the 6 a paired verdict needs; the load passes, so run more
    assertThat(step.moreRounds()).isEqualTo(2);
    assertThat(step.reason())
        .contains("after 6 rounds 1 ratios are short of usable rounds because invocations were")
        .contains("steady on O3: 2 starved")
        .contains("2 more rounds (at most 20 in all)");
  }

  @Test
  void starvedRatiosStopAtTheCapAndSaySo() {
    PrecisionTarget.Step step =
        new PrecisionTarget(0.02, 6).next(contended(List.of(1, 4), List.of()), "O2", 6);
    assertThat(step.moreRounds()).isZero();
    assertThat(step.reason()).startsWith("precision: stopped at 6 rounds (--max-rounds): 1 ratios");
  }

  @Test
  void failedInvocationsAreNotChasedSinceFailuresRepeat() {
    PrecisionTarget.Step step =
        new PrecisionTarget(0.02, 20).next(contended(List.of(1), List.of(4)), "O2", 6);
    assertThat(step.moreRounds()).isZero();
    assertThat(step.reason())
        .contains("1 without a verdict (failed invocations or too few rounds), not chased");
  }

  @Test
  void theDefaultScopeLooksAtEachVariantsOverallRatio() {
    Map<String, List<BenchmarkResult>> noisy = run(10, 0.06);
    // one unit's interval is wider than ±2 %, the variant's geometric mean over both is not
    PrecisionTarget.Step perUnit = new PrecisionTarget(0.02, 40).next(noisy, "O2", 10);
    PrecisionTarget.Step overall =
        new PrecisionTarget(0.02, 40, PrecisionTarget.Scope.VARIANT).next(noisy, "O2", 10);
    assertThat(perUnit.moreRounds()).as(perUnit.reason()).isPositive();
    assertThat(overall.moreRounds()).as(overall.reason()).isZero();
    assertThat(overall.reason())
        .startsWith(
            "precision: every variant's overall interval of wall time within ±2.0 % after 10"
                + " rounds")
        .contains("all units on O3");
    PrecisionTarget.Step tight =
        new PrecisionTarget(0.002, 40, PrecisionTarget.Scope.VARIANT).next(noisy, "O2", 10);
    assertThat(tight.moreRounds()).isPositive();
    assertThat(tight.reason())
        .contains("1 of 1 variants' overall intervals of wall time are wider than ±0.2 %");
  }

  /** A unit whose every invocation waited 10 % of its wall for a CPU: contended, not starved. */
  private static BenchmarkResult contendedUnit(String unit, long seed, double ms, double cpuCv) {
    List<List<Double>> wall = Crafted.raw(seed, 1, 10, ms, 0.002);
    List<Double> wait = wall.get(0).stream().map(w -> 0.10 * w).toList();
    return new BenchmarkResultBuilder(BENCH)
        .param("unit", unit)
        .primary("ms/op", wall)
        .secondary("wall", "ms", wall)
        .secondary("cpu.total", "ms", Crafted.raw(seed + 2, 1, 10, ms * 0.9, cpuCv))
        .secondary("cpu.wait", "ms", List.of(wait))
        .build();
  }

  @Test
  void theDefaultScopeHoldsARunDecidedOnCpuTimeToHalfTheWidth() {
    Map<String, List<BenchmarkResult>> variants = new LinkedHashMap<>();
    variants.put("O2", List.of(contendedUnit("a", 1, 400, 0.02), contendedUnit("b", 2, 300, 0.02)));
    variants.put(
        "O3", List.of(contendedUnit("a", 11, 390, 0.02), contendedUnit("b", 12, 290, 0.02)));
    PrecisionTarget.Step step =
        new PrecisionTarget(0.02, 40, PrecisionTarget.Scope.VARIANT).next(variants, "O2", 10);
    // the run is contended (10 % waiting), so the verdict is on CPU time and held to ±1 %
    assertThat(step.reason()).as(step.reason()).contains("CPU time").contains("±1.0 %");
    PrecisionTarget.Step perUnit = new PrecisionTarget(0.02, 40).next(variants, "O2", 10);
    assertThat(perUnit.reason()).as(perUnit.reason()).contains("±2.0 %");
  }

  @Test
  void aPercentageOfHundredOrMoreIsRefused() {
    assertThatThrownBy(() -> new PrecisionTarget(1.0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--precision");
  }
}
