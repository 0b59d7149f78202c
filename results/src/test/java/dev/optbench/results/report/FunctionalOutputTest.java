package dev.optbench.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionalOutputTest {
  private static Map<String, Object> manifest(
      String variant, Map<String, Object> check, Map<String, Object> fate) {
    return fate == null
        ? Map.of("variant", variant, "functionalCheck", check)
        : Map.of("variant", variant, "functionalCheck", check, "fate", fate);
  }

  private static Map<String, Object> compared(boolean equal) {
    return Map.of(
        "digests", Map.of("encode-aac", "e02a"),
        "reference", "O0",
        "equalToReference", Map.of("encode-aac", equal));
  }

  @Test
  void theBuildsOwnReferenceIsNamedWhenItIsNotTheBaseline() {
    FunctionalOutput out =
        new FunctionalOutput(
            List.of(manifest("O2", compared(true), null), manifest("Ofast", compared(false), null)),
            "O2");
    assertThat(out.phrase("O2")).isEqualTo("same output as O0");
    assertThat(out.phrase("Ofast")).isEqualTo("OUTPUT DIFFERS from O0 on encode-aac");
    FunctionalOutput withO0 =
        new FunctionalOutput(List.of(manifest("O0", compared(true), null)), "O2");
    assertThat(withO0.phrase("O0")).isEqualTo("the functional reference");
  }

  @Test
  void fatePassesFailuresAndSkipsAreSpelledOut() {
    Map<String, Object> allPassed =
        Map.of("listed", 778, "passed", 778, "failed", 0, "skipped", 0, "failedTests", List.of());
    Map<String, Object> oneFailed =
        Map.of(
            "listed", 778,
            "passed", 700,
            "failed", 1,
            "skipped", 77,
            "timedOut", true,
            "failedTests", List.of("filter-volume"));
    FunctionalOutput out =
        new FunctionalOutput(
            List.of(
                manifest("O0", compared(true), allPassed),
                manifest("O3", compared(true), oneFailed),
                manifest("Os", compared(true), null)),
            "O0");
    assertThat(out.fate("O0")).isEqualTo("FATE 778/778 passed");
    assertThat(out.fate("O3"))
        .isEqualTo("FATE 1 of 701 FAILED (filter-volume), 77 of 778 not reached (time limit)");
    assertThat(out.fate("Os")).isEmpty();
    assertThat(out.checks("O0")).isEqualTo("same output, FATE 778/778 passed");
    assertThat(FunctionalOutput.bad(out.checks("O3"))).isTrue();
    assertThat(FunctionalOutput.bad(out.checks("O0"))).isFalse();
  }
}
