package dev.optbench.results.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.compare.CompareOptions;
import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.MetricComparison;
import dev.optbench.results.compare.Verdict;
import dev.optbench.results.model.BenchmarkResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failed invocations are counted and kept out of every number that compares. */
class InvocationsTest {
  private static final CompareOptions OPTIONS = CompareOptions.defaults().withResamples(2000);

  /** One fork of invocations: wall ms and whether each failed. */
  private static BenchmarkResult unit(List<Double> wall, List<Double> failed, List<Double> oom) {
    return new BenchmarkResultBuilder("dev.optbench.Unit.run")
        .param("unit", "u1")
        .primary("s/op", List.of(wall.stream().map(w -> w / 1000).toList()))
        .secondary("wall", "ms", List.of(wall))
        .secondary("mem.peak", "MiB", List.of(wall.stream().map(w -> 100.0).toList()))
        .secondary("failed", "#", List.of(failed))
        .secondary("oom", "#", List.of(oom))
        .build();
  }

  @Test
  void onlySuccessfulInvocationsAreKeptMatchedByIndex() {
    BenchmarkResult r =
        unit(
            List.of(100.0, 1500.0, 110.0, 1500.0, 120.0),
            List.of(0.0, 1.0, 0.0, 1.0, 0.0),
            List.of(0.0, 1.0, 0.0, 0.0, 0.0));

    BenchmarkResult ok = Invocations.successful(r);

    assertThat(ok.secondaryMetrics().get("wall").samples()).containsExactly(100.0, 110.0, 120.0);
    assertThat(ok.secondaryMetrics().get("wall").score()).isEqualTo(110.0);
    assertThat(ok.primaryMetric().samples()).containsExactly(0.1, 0.11, 0.12);
    assertThat(ok.secondaryMetrics().get("failed").samples()).hasSize(5); // the counts stay
    assertThat(Invocations.total(r)).isEqualTo(5);
    assertThat(Invocations.failed(r)).isEqualTo(2);
    assertThat(Invocations.oomKilled(r)).isEqualTo(1);
    assertThat(Invocations.succeeded(r)).isEqualTo(3);
    assertThat(Invocations.successful(ok)).as("idempotent").isEqualTo(ok);
  }

  @Test
  void aResultWithoutFailedMetricIsUntouched() {
    BenchmarkResult plain =
        new BenchmarkResultBuilder("x").primary("s/op", List.of(List.of(1.0, 2.0))).build();
    assertThat(Invocations.successful(plain)).isSameAs(plain);
    assertThat(Invocations.failed(plain)).isZero();
    assertThat(Invocations.total(plain)).isEqualTo(2);
  }

  /**
   * Issue 11's case: every invocation of the candidate timed out at 1.5 s while the baseline ran in
   * ~0.37 s. Counting the cut-short times gave "4.05x" as "1.27x"; no ratio may come out.
   */
  @Test
  void aCandidateWhoseEveryInvocationTimedOutGetsNoVerdictAndNoRatio() {
    BenchmarkResult base = unit(List.of(370.0, 375.0, 368.0, 372.0, 371.0), zeros(), zeros());
    BenchmarkResult timedOut =
        unit(
            List.of(1500.0, 1501.0, 1500.0, 1502.0, 1500.0),
            List.of(1.0, 1.0, 1.0, 1.0, 1.0),
            zeros());

    Comparison c = Comparison.of("O2", List.of(base), "O0", List.of(timedOut), OPTIONS);

    MetricComparison wall =
        c.rows().stream().filter(r -> r.metric().equals("wall")).findFirst().orElseThrow();
    assertThat(wall.verdict()).isEqualTo(Verdict.TOO_FEW_SAMPLES);
    assertThat(wall.note())
        .startsWith("no verdict: 0 of 5 invocations succeeded on O0 (5 failed)")
        .contains("5 of 5 invocations succeeded on O2");
    assertThat(c.summaries()).doesNotContainKeys("wall", "mem.peak", "primary");
  }

  @Test
  void twoFailuresOutOfFiveLeaveTooFewForTheDefaultMinimum() {
    // the derived minimum is 4 per side unpaired (the rank test's floor at alpha 0.05)
    BenchmarkResult base = unit(List.of(370.0, 375.0, 368.0, 372.0, 371.0), zeros(), zeros());
    BenchmarkResult cand =
        unit(List.of(800.0, 810.0, 790.0, 30.0, 30.0), List.of(0.0, 0.0, 0.0, 1.0, 1.0), zeros());

    MetricComparison wall =
        Comparison.of("O2", List.of(base), "O0", List.of(cand), OPTIONS).rows().stream()
            .filter(r -> r.metric().equals("wall"))
            .findFirst()
            .orElseThrow();
    assertThat(wall.candidate().n()).isEqualTo(3);
    assertThat(wall.verdict()).isEqualTo(Verdict.TOO_FEW_SAMPLES);
    assertThat(wall.note()).contains("3 of 5 invocations succeeded on O0 (2 failed)");

    MetricComparison lenient =
        Comparison.of("O2", List.of(base), "O0", List.of(cand), OPTIONS.withMinSamples(3))
            .rows()
            .stream()
            .filter(r -> r.metric().equals("wall"))
            .findFirst()
            .orElseThrow();
    assertThat(lenient.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(lenient.ratio().ratio()).as("the 30 ms failures are left out").isGreaterThan(2.1);
  }

  /** A fork of invocations with their cpu.wait (ms), none failed. */
  private static BenchmarkResult waited(List<Double> wall, List<Double> wait) {
    return new BenchmarkResultBuilder("dev.optbench.Unit.run")
        .param("unit", "u1")
        .primary("s/op", List.of(wall.stream().map(w -> w / 1000).toList()))
        .secondary("wall", "ms", List.of(wall))
        .secondary("cpu.wait", "ms", List.of(wait))
        .secondary("failed", "#", List.of(wall.stream().map(w -> 0.0).toList()))
        .build();
  }

  @Test
  void anInvocationThatWaitedOverAQuarterOfItsWallIsStarvedAndCounted() {
    BenchmarkResult r =
        waited(List.of(100.0, 100.0, 400.0, 100.0), List.of(2.0, 25.0, 300.0, Double.NaN));
    // 25 of 100 ms is the limit itself, not over it; an unknown wait is not starved
    assertThat(Invocations.starved(r)).isEqualTo(1);
    assertThat(Invocations.succeeded(r)).isEqualTo(4);
  }

  @Test
  void pairedRoundsAreDroppedFromBothSidesSoThatPairsStayPairs() {
    // baseline failed in round 1, candidate starved in round 3: rounds 0, 2 and 4 remain, on both
    BenchmarkResult base =
        unit(List.of(100.0, 900.0, 102.0, 103.0, 104.0), List.of(0.0, 1.0, 0.0, 0.0, 0.0), zeros());
    BenchmarkResult cand =
        waited(List.of(50.0, 51.0, 52.0, 400.0, 54.0), List.of(1.0, 1.0, 1.0, 300.0, 1.0));

    Invocations.Kept paired = Invocations.comparable(base, cand, true);
    assertThat(paired.baseline().secondaryMetrics().get("wall").samples())
        .containsExactly(100.0, 102.0, 104.0);
    assertThat(paired.candidate().secondaryMetrics().get("wall").samples())
        .containsExactly(50.0, 52.0, 54.0);
    assertThat(paired.candidate().secondaryMetrics().get("failed").samples()).hasSize(5);

    // unpaired, each side keeps all of its own usable values
    Invocations.Kept apart = Invocations.comparable(base, cand, false);
    assertThat(apart.baseline().secondaryMetrics().get("wall").samples()).hasSize(4);
    assertThat(apart.candidate().secondaryMetrics().get("wall").samples())
        .containsExactly(50.0, 51.0, 52.0, 54.0);
  }

  @Test
  void aCandidateStarvedInEveryRoundGetsNoVerdictAndSaysWhy() {
    BenchmarkResult base =
        waited(List.of(370.0, 375.0, 368.0, 372.0, 371.0), List.of(1.0, 1.0, 1.0, 1.0, 1.0));
    BenchmarkResult starved =
        waited(
            List.of(900.0, 910.0, 905.0, 920.0, 915.0), List.of(500.0, 510.0, 505.0, 520.0, 515.0));

    MetricComparison wall =
        Comparison.of("O2", List.of(base), "O0", List.of(starved), OPTIONS.withPaired(true))
            .rows()
            .stream()
            .filter(r -> r.metric().equals("wall"))
            .findFirst()
            .orElseThrow();
    assertThat(wall.verdict()).isEqualTo(Verdict.TOO_FEW_SAMPLES);
    assertThat(wall.note())
        .startsWith(
            "no verdict: 0 of 5 invocations usable on O0 (5 starved: cpu.wait over 25 % of wall)")
        .contains("5 of 5 invocations succeeded on O2");
  }

  private static List<Double> zeros() {
    return List.of(0.0, 0.0, 0.0, 0.0, 0.0);
  }
}
