package dev.optbench.harness.novelty;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchConfigTest {
  @Test
  void badConfigsSayWhatIsWrong() {
    assertThatThrownBy(() -> SearchConfig.defaults(1, 0))
        .hasMessageContaining("budget must be at least 1");
    assertThatThrownBy(() -> SearchConfig.defaults(1, 10).withPopulation(5, 5))
        .hasMessageContaining("k (5) must be between 1 and populationSize - 1 (4)");
    assertThatThrownBy(() -> SearchConfig.defaults(1, 10).withPopulation(1, 1))
        .hasMessageContaining("populationSize must be at least 2");
    assertThatThrownBy(
            () ->
                new SearchConfig(
                    1, 10, 12, 5, 1.5, 0.15, 0.3, 0.25, 4, 3, 200, 0, 1.2, 0.9, 3, 2, 50))
        .hasMessageContaining("mutationRate");
    assertThatThrownBy(
            () ->
                new SearchConfig(
                    1, 10, 12, 5, 0.2, 0.15, 0.3, 0.25, 4, 3, 0, 0, 1.2, 0.9, 3, 2, 50))
        .hasMessageContaining("archiveLimit");
  }
}
