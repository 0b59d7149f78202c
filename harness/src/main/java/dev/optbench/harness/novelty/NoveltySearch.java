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
 * generation breeds populationSize offspring from novelty-tournament parents and random immigrants,
 * each the pick of a {@link Screening} of several rendered candidates; parents and offspring are
 * scored against every valid command run so far; the most novel survive ((mu + lambda)), and
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
    Screening screening = new Screening(space, descriptors, config.k());
    List<Individual> population = new ArrayList<>();
    while (population.size() < config.populationSize() && log.hasBudget()) {
      population.add(log.evaluate(screened(random, null, population, log, screening), 0));
    }
    score(population, log.evaluated());
    archive.calibrate(population);
    archive.offer(population);
    log.progress(0, archive.size());
    int generation = 0;
    while (log.hasBudget()) {
      generation++;
      List<Individual> pool = new ArrayList<>(population);
      List<Individual> offspring = new ArrayList<>();
      while (offspring.size() < config.populationSize() && log.hasBudget()) {
        offspring.add(
            log.evaluate(screened(random, variation, population, log, screening), generation));
      }
      pool.addAll(offspring);
      score(pool, log.evaluated());
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
   * The screened choice among {@code screening} candidates, each an immigrant or (once there is a
   * population to breed from) bred.
   */
  private Genome screened(
      SplittableRandom random,
      Variation variation,
      List<Individual> population,
      EvaluationLog log,
      Screening screening) {
    List<Genome> candidates = new ArrayList<>();
    for (int i = 0; i < config.screening(); i++) {
      candidates.add(
          variation == null || random.nextDouble() < config.immigrantRate()
              ? Genome.random(random)
              : variation.offspring(population));
    }
    return screening.choose(candidates, log.evaluated());
  }

  /**
   * Novelty against the pool and every command run, not only the archive: the archive holds a
   * thinned sample, so a region it misses looks empty however often it was visited, and selection
   * would keep sending budget there. A few hundred 3-d points cost nothing to compare against.
   */
  private void score(List<Individual> pool, Collection<Individual> memory) {
    Collection<Individual> neighbours = new LinkedHashSet<>(pool);
    neighbours.addAll(memory);
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
