package dev.optbench.results.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.compare.CompareOptions;
import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.MetricComparison;
import dev.optbench.results.model.BenchmarkResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A candidate that names its rounds pairs with the baseline's values of those rounds only. */
class RoundsTest {
  private static BenchmarkResult unit(List<Double> wall, List<Double> failed) {
    return new BenchmarkResultBuilder("dev.optbench.Unit.run")
        .param("unit", "u1")
        .primary("ms/op", List.of(wall))
        .secondary("failed", "#", List.of(failed))
        .build();
  }

  /** A variant moved to this engine after round 2 of 6: rounds 3, 4 and 5 only. */
  private static BenchmarkResult moved(List<Double> wall, List<Double> rounds) {
    return new BenchmarkResultBuilder("dev.optbench.Unit.run")
        .param("unit", "u1")
        .primary("ms/op", List.of(wall))
        .secondary("failed", "#", List.of(List.of(0.0, 0.0, 0.0)))
        .secondary(Rounds.ROUND, "#", List.of(rounds))
        .build();
  }

  @Test
  void aMovedCandidateIsPairedWithTheBaselinesSameRoundsAndTheRoundMetricIsGone() {
    BenchmarkResult base =
        unit(
            List.of(100.0, 101.0, 102.0, 103.0, 104.0, 105.0),
            List.of(0.0, 0.0, 0.0, 0.0, 1.0, 0.0)); // round 4 failed on the baseline
    BenchmarkResult cand = moved(List.of(53.0, 54.0, 55.0), List.of(3.0, 4.0, 5.0));

    Invocations.Kept kept = Invocations.comparable(base, cand, true);

    assertThat(kept.baseline().primaryMetric().samples()).containsExactly(103.0, 105.0);
    assertThat(kept.candidate().primaryMetric().samples()).containsExactly(53.0, 55.0);
    assertThat(kept.candidate().secondaryMetrics()).doesNotContainKey(Rounds.ROUND);
  }

  @Test
  void roundsAreMatchedByNumberNotByPosition() {
    BenchmarkResult base = unit(List.of(10.0, 11.0, 12.0, 13.0), List.of(0.0, 0.0, 0.0, 0.0));
    BenchmarkResult cand =
        new BenchmarkResultBuilder("dev.optbench.Unit.run")
            .param("unit", "u1")
            .primary("ms/op", List.of(List.of(23.0, 21.0)))
            .secondary(Rounds.ROUND, "#", List.of(List.of(3.0, 1.0)))
            .build();

    Invocations.Kept kept = Invocations.comparable(base, cand, true);

    assertThat(kept.baseline().primaryMetric().samples()).containsExactly(11.0, 13.0);
    assertThat(kept.candidate().primaryMetric().samples()).containsExactly(21.0, 23.0);
  }

  @Test
  void withoutRoundMetricsNothingChanges() {
    BenchmarkResult base = unit(List.of(10.0, 11.0, 12.0), List.of(0.0, 0.0, 0.0));
    BenchmarkResult cand = unit(List.of(20.0, 21.0), List.of(0.0, 0.0));

    Invocations.Kept kept = Invocations.comparable(base, cand, true);

    assertThat(kept.baseline().primaryMetric().samples()).hasSize(3);
    assertThat(kept.candidate().primaryMetric().samples()).hasSize(2);
  }

  @Test
  void theComparisonOfAMovedCandidateIsPairedOverItsOwnRounds() {
    List<Double> baseWall = List.of(100.0, 130.0, 90.0, 100.0, 101.0, 99.0, 100.0, 102.0, 98.0);
    BenchmarkResult base = unit(baseWall, baseWall.stream().map(w -> 0.0).toList());
    // moved after round 2: rounds 3..8, each half the baseline's of the same round
    List<Double> rounds = List.of(3.0, 4.0, 5.0, 6.0, 7.0, 8.0);
    BenchmarkResult cand =
        new BenchmarkResultBuilder("dev.optbench.Unit.run")
            .param("unit", "u1")
            .primary(
                "ms/op", List.of(rounds.stream().map(r -> baseWall.get(r.intValue()) / 2).toList()))
            .secondary(Rounds.ROUND, "#", List.of(rounds))
            .build();

    Comparison c =
        Comparison.of(
            List.of(base),
            List.of(cand),
            CompareOptions.defaults().withPaired(true).withResamples(500));

    MetricComparison row = c.rows().get(0);
    assertThat(row.paired()).as("same-round pairs").isTrue();
    assertThat(row.ratio().ratio()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(c.rows()).extracting(MetricComparison::metric).doesNotContain(Rounds.ROUND);
  }
}
