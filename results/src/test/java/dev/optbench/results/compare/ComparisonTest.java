package dev.optbench.results.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.Crafted;
import dev.optbench.results.jmh.BenchmarkResultBuilder;
import dev.optbench.results.jmh.JmhJsonReader;
import dev.optbench.results.model.BenchmarkResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static final CompareOptions OPTIONS = CompareOptions.defaults().withResamples(2000);

  private static MetricComparison only(Comparison c) {
    assertThat(c.rows()).hasSize(1);
    return c.rows().get(0);
  }

  @Test
  void clearRegressionFailsTheGate() {
    Comparison c =
        Comparison.of(
            List.of(Crafted.timed("encode", 1, 20, 10.0, 0.01)),
            List.of(Crafted.timed("encode", 2, 20, 11.0, 0.01)),
            OPTIONS);

    MetricComparison row = only(c);
    assertThat(row.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(row.ratio().low()).isGreaterThan(1.05);
    assertThat(row.pValue()).isLessThan(0.05);
    assertThat(row.effect().a12()).isEqualTo(1.0);
    assertThat(c.gatePasses()).isFalse();
  }

  @Test
  void clearImprovementPassesTheGate() {
    Comparison c =
        Comparison.of(
            List.of(Crafted.timed("encode", 1, 20, 10.0, 0.01)),
            List.of(Crafted.timed("encode", 2, 20, 9.0, 0.01)),
            OPTIONS);

    assertThat(only(c).verdict()).isEqualTo(Verdict.IMPROVEMENT);
    assertThat(c.gatePasses()).isTrue();
  }

  @Test
  void pureNoiseIsNoChangeAndPasses() {
    Comparison c =
        Comparison.of(
            List.of(Crafted.timed("encode", 1, 20, 10.0, 0.02)),
            List.of(Crafted.timed("encode", 2, 20, 10.0, 0.02)),
            OPTIONS);

    MetricComparison row = only(c);
    assertThat(row.verdict()).isEqualTo(Verdict.NO_CHANGE);
    assertThat(row.ratio().contains(1.0)).isTrue();
    assertThat(c.gatePasses()).isTrue();
  }

  @Test
  void tooFewSamplesSaysSoAndNeverFails() {
    Comparison c =
        Comparison.of(
            List.of(Crafted.timed("encode", 1, 2, 10.0, 0.01)),
            List.of(Crafted.timed("encode", 2, 2, 20.0, 0.01)),
            OPTIONS);

    MetricComparison row = only(c);
    assertThat(row.verdict()).isEqualTo(Verdict.TOO_FEW_SAMPLES);
    // 2/C(4,2) = 0.33: Mann-Whitney cannot reach 0.05 with 2 per side; 4 per side is the minimum.
    assertThat(row.note()).contains("2 vs 2 values").contains("at least 4 per side");
    assertThat(c.gatePasses()).isTrue();
    assertThat(c.summaries()).isEmpty();
  }

  @Test
  void noisyDataIsInconclusiveWithARepetitionEstimate() {
    Comparison c =
        Comparison.of(
            List.of(Crafted.timed("encode", 1, 6, 10.0, 0.15)),
            List.of(Crafted.timed("encode", 2, 6, 10.5, 0.15)),
            OPTIONS);

    MetricComparison row = only(c);
    assertThat(row.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(row.note()).containsPattern("~\\d+ repetitions per side");
    assertThat(c.gatePasses()).isTrue();
  }

  @Test
  void throughputDropIsARegressionBecauseHigherIsBetter() {
    BenchmarkResult base =
        new BenchmarkResultBuilder("t")
            .mode("thrpt")
            .primary("ops/s", Crafted.raw(1, 2, 10, 1000, 0.01))
            .build();
    BenchmarkResult cand =
        new BenchmarkResultBuilder("t")
            .mode("thrpt")
            .primary("ops/s", Crafted.raw(2, 2, 10, 800, 0.01))
            .build();

    MetricComparison row = only(Comparison.of(List.of(base), List.of(cand), OPTIONS));

    assertThat(row.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
    assertThat(row.ratio().ratio()).isLessThan(0.85);
    assertThat(row.verdict()).isEqualTo(Verdict.REGRESSION);
  }

  @Test
  void secondaryMetricRegressionAloneFailsTheGate() {
    Comparison c =
        Comparison.of(
            List.of(Crafted.command("scale", 10, 12, 2.0, 0.01, 100e6)),
            List.of(Crafted.command("scale", 20, 12, 2.0, 0.01, 130e6)),
            OPTIONS);

    assertThat(c.rows())
        .extracting(MetricComparison::metric)
        .containsExactly("primary", "cpu", "peakMemory");
    assertThat(c.regressions()).extracting(MetricComparison::metric).containsExactly("peakMemory");
    assertThat(c.gatePasses()).isFalse();
  }

  @Test
  void pairsByNameAndParamsAndReportsUnmatched() {
    BenchmarkResult a16 =
        new BenchmarkResultBuilder("a")
            .param("size", "16")
            .primary("s/op", Crafted.raw(1, 1, 10, 1, 0.01))
            .build();
    BenchmarkResult a64 =
        new BenchmarkResultBuilder("a")
            .param("size", "64")
            .primary("s/op", Crafted.raw(2, 1, 10, 1, 0.01))
            .build();
    BenchmarkResult b =
        new BenchmarkResultBuilder("b").primary("s/op", Crafted.raw(3, 1, 10, 1, 0.01)).build();

    Comparison c = Comparison.of(List.of(a16, a64), List.of(a64, b), OPTIONS);

    assertThat(c.rows()).extracting(r -> r.key().display()).containsExactly("a{size=64}");
    assertThat(c.onlyInBaseline()).extracting(Object::toString).containsExactly("a{size=16}");
    assertThat(c.onlyInCandidate()).extracting(Object::toString).containsExactly("b");
  }

  @Test
  void sameSeedSameVerdictsAndIntervals() {
    List<BenchmarkResult> base = List.of(Crafted.timed("x", 1, 10, 10, 0.05));
    List<BenchmarkResult> cand = List.of(Crafted.timed("x", 2, 10, 10.4, 0.05));

    MetricComparison first = only(Comparison.of(base, cand, OPTIONS));
    MetricComparison again = only(Comparison.of(base, cand, OPTIONS));

    assertThat(again.ratio().low()).isEqualTo(first.ratio().low());
    assertThat(again.ratio().high()).isEqualTo(first.ratio().high());
  }

  @Test
  void worksOnPlainMultiForkJmhOutput() throws Exception {
    List<BenchmarkResult> jmh =
        new JmhJsonReader().read(Path.of("src/test/resources/jmh/real-jmh-1.37-two-forks.json"));

    Comparison c = Comparison.of(jmh, jmh, OPTIONS);

    assertThat(c.rows()).extracting(MetricComparison::metric).containsExactly("primary", "calls");
    assertThat(c.rows().get(0).baseline().n()).isEqualTo(6); // 2 forks x 3 iterations
    assertThat(c.rows().get(0).ratio().ratio()).isEqualTo(1.0);
    assertThat(c.rows().get(1).direction()).isEqualTo(Direction.NEUTRAL);
    assertThat(c.gatePasses()).isTrue();
  }

  @Test
  void pairedRunsJudgeByRoundAndSayWhenTooFewRoundsForAnyVerdict() {
    // Five rounds: the signed-rank test cannot reach 0.05 (2/32), so no verdict, and no "PASSED".
    List<List<Double>> base = List.of(List.of(10.0, 11.0, 12.0, 13.0, 14.0));
    List<List<Double>> cand = List.of(List.of(20.0, 22.0, 24.0, 26.0, 28.0));
    CompareOptions paired = OPTIONS.withPaired(true);
    Comparison c =
        Comparison.of(
            List.of(new BenchmarkResultBuilder("u").primary("ms", base).build()),
            List.of(new BenchmarkResultBuilder("u").primary("ms", cand).build()),
            paired);

    MetricComparison row = only(c);
    assertThat(row.paired()).isTrue();
    assertThat(row.verdict()).isEqualTo(Verdict.TOO_FEW_SAMPLES);
    assertThat(row.note()).contains("at least 6 pairs").contains("signed-rank");
    String text =
        dev.optbench.results.format.ResultFormatFactory.create(
                dev.optbench.results.format.ResultFormatType.TEXT)
            .render(c);
    assertThat(text).doesNotContain("GATE PASSED").contains("NO VERDICT");
  }

  @Test
  void pairedRowKeepsTheUnpairedIntervalBesideIt() {
    List<Double> b = new java.util.ArrayList<>();
    List<Double> k = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      b.add(100.0 * (1 + 0.05 * i));
      k.add(200.0 * (1 + 0.05 * i)); // exactly 2x in every round, machine drifting 45%
    }
    Comparison c =
        Comparison.of(
            List.of(new BenchmarkResultBuilder("u").primary("ms", List.of(b)).build()),
            List.of(new BenchmarkResultBuilder("u").primary("ms", List.of(k)).build()),
            OPTIONS.withPaired(true));

    MetricComparison row = only(c);
    assertThat(row.verdict()).isEqualTo(Verdict.REGRESSION);
    assertThat(row.ratio().low()).isEqualTo(2.0);
    assertThat(row.ratio().high()).isEqualTo(2.0);
    assertThat(row.unpaired().relativeWidth()).isGreaterThan(0.1);
    assertThat(c.unpairedSummaries().get("primary").relativeWidth()).isGreaterThan(0.1);
  }
}
