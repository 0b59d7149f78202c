package dev.optbench.harness.novelty;

import dev.optbench.harness.workload.Genome;
import dev.optbench.harness.workload.OptionSpace;
import java.util.List;
import java.util.SplittableRandom;

/** The baseline: uniformly random genomes until the budget is spent; emits the first valid ones. */
public final class RandomSearch implements Search {
  private final OptionSpace space;
  private final Evaluator evaluator;
  private final DescriptorSpace descriptors;
  private final SearchConfig config;
  private final SearchListener listener;

  public RandomSearch(
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
    EvaluationLog log =
        new EvaluationLog("random", space, evaluator, descriptors, config.budget(), listener);
    int batch = 0;
    int inBatch = 0;
    while (log.hasBudget()) {
      log.evaluate(Genome.random(random), batch);
      if (++inBatch == config.populationSize()) {
        log.progress(batch++, 0);
        inBatch = 0;
      }
    }
    log.progress(batch, 0);
    List<Individual> emitted =
        log.evaluated().stream().filter(Individual::valid).limit(config.maxUnits()).toList();
    return new SearchResult(
        "random",
        descriptors,
        log.evaluated(),
        emitted,
        log.crashes(),
        log.summary(batch, 0, emitted.size()));
  }
}
