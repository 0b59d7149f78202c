package dev.optbench.harness.novelty;

import dev.optbench.harness.workload.Genome;
import dev.optbench.harness.workload.OptionSpace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Novelty search (Lehman and Stanley): no objective, only "be unlike what was seen". Each
 * generation breeds populationSize offspring from novelty-tournament parents; parents and offspring
 * are scored against each other and the archive; the most novel survive ((mu + lambda)), and
 * offspring above the adaptive threshold enter the archive. The archive is the workload.
 */
public final class NoveltySearch implements Search {
  static final Comparator<Individual> MOST_NOVEL =
      Comparator.comparingDouble((Individual i) -> i.novelty())
          .reversed()
          .thenComparingLong(Individual::id);

  private final OptionSpace space;
  private final Evaluator evaluator;
  private final DescriptorSpace descriptors;
  private final SearchConfig config;
  private final SearchListener listener;

  public NoveltySearch(
      OptionSpace space,
      Evaluator evaluator,
      DescriptorSpace descriptors,
      SearchConfig config,
      SearchListener listener) {
    this.space = space;
    this.evaluator = evaluator;
    this.descriptors = descriptors;
    this.config = config;
    this.listener = listener;
  }

  @Override
  public SearchResult run() {
    SplittableRandom random = new SplittableRandom(config.seed());
    Variation variation = new Variation(config, random);
    EvaluationLog log =
        new EvaluationLog("novelty", space, evaluator, descriptors, config.budget(), listener);
    NoveltyArchive archive = new NoveltyArchive(config);
    List<Individual> population = new ArrayList<>();
    while (population.size() < config.populationSize() && log.hasBudget()) {
      population.add(log.evaluate(Genome.random(random), 0));
    }
    score(population, archive);
    archive.calibrate(population);
    archive.offer(population);
    log.progress(0, archive.size());
    int generation = 0;
    while (log.hasBudget()) {
      generation++;
      List<Individual> pool = new ArrayList<>(population);
      List<Individual> offspring = new ArrayList<>();
      while (offspring.size() < config.populationSize() && log.hasBudget()) {
        offspring.add(log.evaluate(screened(random, variation, population, log), generation));
      }
      pool.addAll(offspring);
      score(pool, archive);
      archive.offer(offspring);
      pool.sort(MOST_NOVEL);
      population = new ArrayList<>(pool.subList(0, Math.min(config.populationSize(), pool.size())));
      log.progress(generation, archive.size());
    }
    List<Individual> emitted = emit(archive.entries(), population);
    return new SearchResult(
        "novelty",
        descriptors,
        log.evaluated(),
        emitted,
        log.crashes(),
        log.summary(generation, archive.size(), emitted.size()));
  }

  /**
   * The most input-novel of {@code screening} candidates (immigrant or bred): its distance to the
   * nearest command already run, so budget goes to commands unlike anything measured.
   */
  private Genome screened(
      SplittableRandom random,
      Variation variation,
      List<Individual> population,
      EvaluationLog log) {
    List<double[]> seen = log.evaluated().stream().map(i -> i.command().descriptor()).toList();
    Genome best = null;
    double bestDistance = -1;
    for (int i = 0; i < config.screening(); i++) {
      Genome g =
          random.nextDouble() < config.immigrantRate()
              ? Genome.random(random)
              : variation.offspring(population);
      double[] d = space.render(g).descriptor();
      double nearest =
          seen.stream()
              .mapToDouble(s -> NoveltyMetric.distance(d, s))
              .min()
              .orElse(Double.MAX_VALUE);
      if (nearest > bestDistance) {
        best = g;
        bestDistance = nearest;
      }
    }
    return best;
  }

  private void score(List<Individual> pool, NoveltyArchive archive) {
    Collection<Individual> neighbours = new LinkedHashSet<>(pool);
    neighbours.addAll(archive.entries());
    for (Individual x : pool) {
      x.novelty(NoveltyMetric.score(x, neighbours, config.k()));
    }
  }

  /** The archive, thinned to its most novel maxUnits or topped up from the final population. */
  private List<Individual> emit(List<Individual> archived, List<Individual> population) {
    List<Individual> chosen = new ArrayList<>(archived);
    if (chosen.size() > config.maxUnits()) {
      for (Individual x : chosen) {
        x.novelty(NoveltyMetric.score(x, archived, config.k()));
      }
      chosen.sort(MOST_NOVEL);
    } else {
      population.stream()
          .filter(Individual::valid)
          .filter(p -> !archived.contains(p))
          .sorted(MOST_NOVEL)
          .forEach(chosen::add);
    }
    Set<List<List<String>>> seen = new HashSet<>();
    return chosen.stream()
        .filter(x -> seen.add(x.command().steps()))
        .limit(config.maxUnits())
        .sorted(Comparator.comparingLong(Individual::id))
        .toList();
  }
}
