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

  @Test
  void aPercentageOfHundredOrMoreIsRefused() {
    assertThatThrownBy(() -> new PrecisionTarget(1.0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--precision");
  }
}
