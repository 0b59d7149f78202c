package dev.optbench.results.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.jmh.BenchmarkResultBuilder;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.model.VariantSplit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Results of a run on several engines carry the param {@code engine}: comparisons pair a unit only
 * with the baseline's on the same engine. Engine b is twice as slow as engine a here, so any ratio
 * taken across engines would be near 0.6 or 2.4 instead of 1.2.
 */
class EngineComparisonTest {
  private static final CompareOptions OPTIONS = CompareOptions.defaults().withResamples(500);

  private static BenchmarkResult result(String variant, String engine, double ms) {
    List<Double> values = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      values.add(ms * (1 + 0.001 * (i % 3)));
    }
    return new BenchmarkResultBuilder("b.run")
        .param("engine", engine)
        .param("unit", "enc")
        .param("variant", variant)
        .primary("ms/op", List.of(values))
        .build();
  }

  private static Map<String, Comparison> compare(BenchmarkResult... results) {
    return Comparison.againstBaseline(
        "O2", VariantSplit.byParam(List.of(results), "variant"), OPTIONS);
  }

  @Test
  void wholePlacementPairsTheCandidateWithTheBaselineOnItsOwnEngineOnly() {
    Comparison o0 =
        compare(result("O0", "a", 12), result("O2", "a", 10), result("O2", "b", 20)).get("O0");

    assertThat(o0.rows()).hasSize(1);
    MetricComparison row = o0.rows().get(0);
    assertThat(row.key().params()).containsEntry(VariantSplit.ENGINE, "a");
    assertThat(row.ratio().ratio()).isCloseTo(1.2, org.assertj.core.data.Offset.offset(0.01));
    // the baseline on b has no O0 to meet: unpaired, never a cross-engine ratio
    assertThat(o0.onlyInBaseline())
        .singleElement()
        .satisfies(k -> assertThat(k.params()).containsEntry(VariantSplit.ENGINE, "b"));
  }

  @Test
  void everyPlacementGivesOneRowPerEngineEachWithinItsEngine() {
    Comparison o0 =
        compare(
                result("O0", "a", 12),
                result("O0", "b", 24),
                result("O2", "a", 10),
                result("O2", "b", 20))
            .get("O0");

    assertThat(o0.rows())
        .extracting(r -> r.key().params().get(VariantSplit.ENGINE))
        .containsExactly("a", "b");
    assertThat(o0.rows())
        .allSatisfy(
            r ->
                assertThat(r.ratio().ratio())
                    .isCloseTo(1.2, org.assertj.core.data.Offset.offset(0.01)));
    assertThat(o0.onlyInBaseline()).isEmpty();
    assertThat(o0.onlyInCandidate()).isEmpty();
  }
}
