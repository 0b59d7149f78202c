package dev.optbench.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.compare.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {
  @Test
  void ratiosWithoutAFiniteIntervalAreLeftToTheTableNotDrawn() {
    ForestRow good = new ForestRow("wall", 1.1, 1.0, 1.2, Verdict.INCONCLUSIVE);
    ForestRow zeroBaseline = new ForestRow("cpu.sys", 1.7, 1.1, Double.NaN, Verdict.INCONCLUSIVE);
    ForestRow infinite =
        new ForestRow("io.read", Double.POSITIVE_INFINITY, 1, 2, Verdict.INCONCLUSIVE);
    assertThat(Charts.drawable(List.of(good, zeroBaseline, infinite))).containsExactly(good);
    // Seen in a real run: one NaN row made JFreeChart draw no row at all.
    String svg = Charts.forest("t", "t", List.of(good, zeroBaseline), 0.05, 400);
    assertThat(svg).contains("wall").doesNotContain("cpu.sys");
  }
}
