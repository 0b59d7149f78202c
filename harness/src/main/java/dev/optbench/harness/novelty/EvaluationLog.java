package dev.optbench.harness.novelty;

import dev.optbench.harness.workload.Command;
import dev.optbench.harness.workload.Genome;
import dev.optbench.harness.workload.OptionSpace;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders and evaluates genomes for one search: enforces the budget, serves repeated commands from
 * a cache (a repeat costs nothing and is not counted), counts outcomes, collects crashes, and
 * reports progress.
 */
final class EvaluationLog {
  /** Give up when this many renders per budgeted evaluation produce only repeats. */
  private static final int MAX_ATTEMPTS_PER_EVALUATION = 20;

  private final String search;
  private final OptionSpace space;
  private final Evaluator evaluator;
  private final DescriptorSpace descriptors;
  private final int budget;
  private final SearchListener listener;
  private final Map<List<List<String>>, Evaluation> cache = new HashMap<>();
  private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
  private final List<Individual> evaluated = new ArrayList<>();
  private final List<Individual> crashes = new ArrayList<>();
  private final long started = System.nanoTime();
  private long nextId;
  private int attempts;
  private int cacheHits;

  EvaluationLog(
      String search,
      OptionSpace space,
      Evaluator evaluator,
      DescriptorSpace descriptors,
      int budget,
      SearchListener listener) {
    this.search = search;
    this.space = space;
    this.evaluator = evaluator;
    this.descriptors = descriptors;
    this.budget = budget;
    this.listener = listener;
    for (Outcome o : Outcome.values()) {
      outcomes.put(o, 0);
    }
  }

  boolean hasBudget() {
    return evaluated.size() < budget && attempts < budget * MAX_ATTEMPTS_PER_EVALUATION;
  }

  Individual evaluate(Genome genome, int generation) {
    attempts++;
    Command command = space.render(genome);
    Evaluation known = cache.get(command.steps());
    Evaluation e = known != null ? known : evaluator.evaluate(command);
    Individual x = new Individual(nextId++, genome, command, e, descriptors, generation);
    if (known != null) {
      cacheHits++;
      return x;
    }
    cache.put(command.steps(), e);
    evaluated.add(x);
    outcomes.merge(e.outcome(), 1, Integer::sum);
    if (e.outcome() == Outcome.CRASH) {
      crashes.add(x);
      listener.crashFound(x);
    }
    return x;
  }

  /** Each distinct command once, in evaluation order. */
  List<Individual> evaluated() {
    return List.copyOf(evaluated);
  }

  List<Individual> crashes() {
    return List.copyOf(crashes);
  }

  int valid() {
    return outcomes.get(Outcome.VALID);
  }

  void progress(int generation, int archiveSize) {
    listener.generationDone(
        new SearchProgress(
            search, generation, evaluated.size(), budget, valid(), archiveSize, perMinute()));
  }

  GenerationSummary summary(int generations, int archiveSize, int emitted) {
    int n = evaluated.size();
    double seconds = (System.nanoTime() - started) / 1e9;
    return new GenerationSummary(
        search,
        n,
        valid(),
        n == 0 ? 0 : (double) valid() / n,
        Map.copyOf(outcomes),
        crashes.size(),
        cacheHits,
        generations,
        archiveSize,
        emitted,
        seconds,
        perMinute());
  }

  private double perMinute() {
    double minutes = (System.nanoTime() - started) / 60e9;
    return minutes <= 0 ? 0 : evaluated.size() / minutes;
  }
}
