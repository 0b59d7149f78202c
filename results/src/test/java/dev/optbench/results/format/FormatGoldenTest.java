package dev.optbench.results.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.Crafted;
import dev.optbench.results.Golden;
import dev.optbench.results.compare.CompareOptions;
import dev.optbench.results.compare.Comparison;
import dev.optbench.results.model.BenchmarkResult;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every format against its golden file, under several default locales. */
class FormatGoldenTest {

  static Comparison comparison() {
    List<BenchmarkResult> base =
        List.of(
            Crafted.command("scale", 10, 12, 2.0, 0.01, 100e6),
            Crafted.timed("encode|h264", 1, 20, 10.0, 0.01),
            Crafted.timed("decode", 3, 20, 5.0, 0.02),
            Crafted.timed("probe", 5, 2, 0.05, 0.01),
            Crafted.timed("gone", 7, 10, 1.0, 0.01),
            Crafted.timed("noisy", 1, 6, 10.0, 0.15));
    List<BenchmarkResult> cand =
        List.of(
            Crafted.command("scale", 20, 12, 1.6, 0.01, 101e6),
            Crafted.timed("encode|h264", 2, 20, 11.0, 0.01),
            Crafted.timed("decode", 4, 20, 5.0, 0.02),
            Crafted.timed("probe", 6, 2, 0.05, 0.01),
            Crafted.timed("new, \"quoted\"", 8, 10, 1.0, 0.01),
            Crafted.timed("noisy", 2, 6, 10.5, 0.15));
    return Comparison.of("O2", base, "O3", cand, CompareOptions.defaults().withResamples(1000));
  }

  @ParameterizedTest
  @EnumSource(ResultFormatType.class)
  void matchesGoldenUnderEveryLocale(ResultFormatType type) throws Exception {
    Comparison c = comparison();
    String ext =
        switch (type) {
          case TEXT -> "txt";
          case MARKDOWN -> "md";
          case CSV -> "csv";
          case JSON -> "json";
        };
    Golden.assertMatches(
        "format/comparison." + ext, () -> ResultFormatFactory.create(type).render(c));
  }

  @ParameterizedTest
  @EnumSource(ResultFormatType.class)
  void everyFormatNamesTheRegression(ResultFormatType type) {
    String text = ResultFormatFactory.create(type).render(comparison());

    assertThat(text)
        .contains("REGRESSION")
        .contains("IMPROVEMENT")
        .contains("TOO_FEW_SAMPLES")
        .contains("INCONCLUSIVE");
  }
}
