package dev.optbench.harness.novelty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.optbench.harness.workload.Genome;
import dev.optbench.harness.workload.OptionSpace;
import dev.optbench.harness.workload.SpaceConfig;
import dev.optbench.harness.workload.TestCapabilities;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CoverageTest {
  private final OptionSpace space =
      new OptionSpace(TestCapabilities.minimal(), SpaceConfig.defaults());
  private long id;

  private Individual with(Behaviour b, Outcome o) {
    Genome g = Genome.random(new SplittableRandom(id));
    return new Individual(
        id++, g, space.render(g), new Evaluation(o, b, 0, 0, ""), DescriptorSpace.BEHAVIOUR, 0);
  }

  @Test
  void countsOccupiedCellsOfValidCommandsOnly() {
    Individual light = with(new Behaviour(1_000, 10_000_000, 6_000, 300), Outcome.VALID);
    Individual lightAgain = with(new Behaviour(1_100, 10_000_000, 6_100, 310), Outcome.VALID);
    Individual heavy =
        with(new Behaviour(5_000_000, 2_000_000_000, 500_000, 50_000_000), Outcome.VALID);
    Individual failed = with(new Behaviour(90_000_000, 1, 9_000_000, 1), Outcome.TIMEOUT);
    Coverage c = Coverage.of(List.of(light, lightAgain, heavy, failed), 10);
    assertThat(c.points()).isEqualTo(3);
    assertThat(c.occupiedCells()).isEqualTo(2);
    assertThat(c.dimensions())
        .extracting(Coverage.Spread::dimension)
        .containsExactly("cpu", "memory", "output", "threads");
    assertThat(c.dimensions().get(0).range())
        .isCloseTo(
            heavy.evaluation().behaviour().normalised()[0]
                - light.evaluation().behaviour().normalised()[0],
            within(1e-9));
    assertThat(Coverage.of(List.of(), 10).occupiedCells()).isZero();
  }

  @Test
  void normalisedBehaviourStaysInTheUnitCube() {
    for (Behaviour b :
        List.of(
            Behaviour.NONE, new Behaviour(Long.MAX_VALUE / 2, 1, Long.MAX_VALUE, Long.MAX_VALUE))) {
      for (double v : b.normalised()) {
        assertThat(v).isBetween(0.0, 1.0);
      }
    }
  }
}
