package dev.optbench.harness.novelty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.workload.Genome;
import dev.optbench.harness.workload.OptionSpace;
import dev.optbench.harness.workload.SpaceConfig;
import dev.optbench.harness.workload.TestCapabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScreeningTest {
  private final OptionSpace space =
      new OptionSpace(TestCapabilities.minimal(), SpaceConfig.defaults());
  private final SplittableRandom random = new SplittableRandom(7);
  private final List<Individual> explored = new ArrayList<>();

  private Individual run(Genome g, Behaviour b) {
    Individual x =
        new Individual(
            explored.size(), g, space.render(g), Evaluation.valid(b), DescriptorSpace.BEHAVIOUR, 0);
    explored.add(x);
    return x;
  }

  @Test
  void behaviourSpacePrefersTheCandidateLikeARarelySeenBehaviour() {
    Genome crowded = Genome.random(random);
    Genome rare = Genome.random(random);
    Behaviour common = new Behaviour(50_000, 60_000_000, 20_000, 100_000);
    run(crowded, common);
    for (int i = 0; i < 6; i++) {
      run(Genome.random(random), new Behaviour(50_000 + i, 60_000_000, 20_000, 100_000 + i));
    }
    run(rare, new Behaviour(20_000_000, 21_000_000_000L, 900_000, 1));
    Screening screening = new Screening(space, DescriptorSpace.BEHAVIOUR, 5);

    // Both candidates were run already (input distance 0 each), so only the prediction can decide.
    assertThat(screening.choose(List.of(crowded, rare), explored)).isEqualTo(rare);
    assertThat(screening.choose(List.of(rare, crowded), explored)).isEqualTo(rare);
  }

  @Test
  void inputSpacePrefersTheCandidateFarthestFromEverythingRun() {
    Genome seen = Genome.random(random);
    run(seen, Behaviour.NONE);
    Genome fresh = Genome.random(random);
    Screening screening = new Screening(space, DescriptorSpace.INPUT, 5);

    assertThat(screening.choose(List.of(seen, fresh), explored)).isEqualTo(fresh);
    assertThat(screening.choose(List.of(fresh, seen), explored)).isEqualTo(fresh);
  }
}
