package dev.optbench.harness.novelty;

import dev.optbench.harness.workload.Genome;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/** Selection, crossover and mutation on genomes of [0,1) genes. */
final class Variation {
  private final SearchConfig config;
  private final RandomGenerator random;

  Variation(SearchConfig config, RandomGenerator random) {
    this.config = config;
    this.random = random;
  }

  /** The most novel of tournamentSize random picks (ties: the older). */
  Individual select(List<Individual> population) {
    Individual best = null;
    Comparator<Individual> order =
        Comparator.comparingDouble((Individual i) -> i.novelty())
            .thenComparing(Comparator.comparingLong(Individual::id).reversed());
    for (int i = 0; i < config.tournamentSize(); i++) {
      Individual pick = population.get(random.nextInt(population.size()));
      if (best == null || order.compare(pick, best) > 0) {
        best = pick;
      }
    }
    return best;
  }

  Genome offspring(List<Individual> population) {
    double[] genes = select(population).genome().genes();
    if (random.nextDouble() < config.crossoverRate()) {
      double[] other = select(population).genome().genes();
      for (int i = 0; i < genes.length; i++) {
        if (random.nextBoolean()) {
          genes[i] = other[i];
        }
      }
    }
    return mutate(genes);
  }

  /** Gaussian steps, reflected at the bounds so edge values stay reachable from both sides. */
  Genome mutate(double[] genes) {
    int forced = random.nextInt(genes.length);
    for (int i = 0; i < genes.length; i++) {
      if (i == forced || random.nextDouble() < config.mutationRate()) {
        double g = genes[i] + random.nextGaussian() * config.mutationSigma();
        g = Math.abs(g);
        genes[i] = g >= 1 ? 2 - g : g;
      }
    }
    return new Genome(genes);
  }
}
