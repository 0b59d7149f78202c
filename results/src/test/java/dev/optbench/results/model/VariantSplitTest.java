package dev.optbench.results.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.results.jmh.BenchmarkResultBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariantSplitTest {
  private static BenchmarkResult result(String variant, String unit) {
    BenchmarkResultBuilder b =
        new BenchmarkResultBuilder("b.run").primary("ms/op", List.of(List.of(1.0, 2.0)));
    if (variant != null) {
      b.param("variant", variant);
    }
    return b.param("unit", unit).build();
  }

  @Test
  void oneListPerVariantWithKeysThatPairAcrossVariants() {
    Map<String, List<BenchmarkResult>> split =
        VariantSplit.byParam(
            List.of(result("O0", "a"), result("O2", "a"), result("O0", "b")), "variant");
    assertThat(split.keySet()).containsExactly("O0", "O2");
    assertThat(split.get("O0")).hasSize(2);
    assertThat(split.get("O0").get(0).key()).isEqualTo(split.get("O2").get(0).key());
    assertThat(split.get("O0").get(0).params()).containsOnlyKeys("unit");
  }

  @Test
  void refusesResultsWithoutTheParam() {
    assertThatThrownBy(() -> VariantSplit.byParam(List.of(result(null, "a")), "variant"))
        .hasMessageContaining("no 'variant' param");
  }
}
