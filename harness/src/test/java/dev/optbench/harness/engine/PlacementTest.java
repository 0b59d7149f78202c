package dev.optbench.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementTest {
  private static final List<String> AB = List.of("a", "b");

  @Test
  void wholeGivesEachCandidateOneEngineRoundRobinAndTheBaselineEveryUsedEngine() {
    Placement p = Placement.of("whole", List.of("O0", "O1", "O2", "O3"), "O2", AB);

    assertThat(p.variantsByEngine())
        .containsExactly(
            Map.entry("a", List.of("O0", "O2", "O3")), Map.entry("b", List.of("O1", "O2")));
    assertThat(p.enginesOf("O2")).containsExactly("a", "b");
    assertThat(p.enginesOf("O3")).containsExactly("a");
    assertThat(p.placedVariants()).isEqualTo(5);
  }

  @Test
  void noCandidateIsSplitAndEveryCandidateMeetsTheBaselineOnItsEngine() {
    List<String> variants = List.of("O0", "O1", "O2", "O3", "Os", "Og", "Ofast");
    List<String> engines = List.of("a", "b", "c");
    Placement p = Placement.of("whole", variants, "O2", engines);

    for (String v : variants) {
      if (v.equals("O2")) {
        assertThat(p.enginesOf(v)).containsExactlyElementsOf(p.engines());
      } else {
        assertThat(p.enginesOf(v)).hasSize(1);
        assertThat(p.variantsOn(p.enginesOf(v).get(0))).contains("O2");
      }
    }
  }

  @Test
  void wholeLeavesAnEngineWithoutACandidateUnusedAndSaysSo() {
    Placement p = Placement.of("whole", List.of("O0", "O2"), "O2", AB);

    assertThat(p.variantsByEngine()).containsExactly(Map.entry("a", List.of("O0", "O2")));
    assertThat(p.variantsOn("b")).isEmpty();
    assertThat(p.describe(AB))
        .containsExactly(
            "a: O0, O2", "b: unused (whole placement: no candidate variant left for it)");
  }

  @Test
  void theBaselineAloneRunsOnTheFirstEngine() {
    assertThat(Placement.of("whole", List.of("O2"), "O2", AB).variantsByEngine())
        .containsExactly(Map.entry("a", List.of("O2")));
  }

  @Test
  void everyPutsEachVariantOnEachEngine() {
    Placement p = Placement.of("every", List.of("O0", "O2"), "O2", AB);

    assertThat(p.variantsByEngine())
        .containsExactly(Map.entry("a", List.of("O0", "O2")), Map.entry("b", List.of("O0", "O2")));
    assertThat(p.enginesOf("O0")).containsExactly("a", "b");
    assertThat(p.summary()).isEqualTo("every placement (a: O0, O2; b: O0, O2)");
  }

  @Test
  void oneEngineHoldsEverything() {
    assertThat(Placement.of("whole", List.of("O0", "O3", "O2"), "O2", List.of("x")).variantsOn("x"))
        .containsExactly("O0", "O3", "O2");
  }

  @Test
  void mistakesAreOneSentence() {
    assertThatThrownBy(() -> Placement.of("spread", List.of("O2"), "O2", AB))
        .hasMessage("--placement must be whole or every, not 'spread'");
    assertThatThrownBy(() -> Placement.of("whole", List.of("O2"), "O2", List.of()))
        .hasMessageContaining("at least one engine");
    assertThatThrownBy(() -> Placement.of("whole", List.of("O0"), "O2", AB))
        .hasMessageContaining("baseline O2 is not among");
  }
}
