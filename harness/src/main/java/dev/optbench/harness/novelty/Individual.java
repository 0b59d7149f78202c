package dev.optbench.harness.novelty;

import dev.optbench.harness.workload.Command;
import dev.optbench.harness.workload.Genome;

/**
 * An evaluated point of the search. Novelty is mutable because it is relative to the current
 * population and archive and is recomputed every generation.
 *
 * @param id creation order within one search: a deterministic tie-breaker and the unit's id
 */
public final class Individual {
  private final long id;
  private final Genome genome;
  private final Command command;
  private final Evaluation evaluation;
  private final double[] descriptor;
  private final int generation;
  private double novelty;

  Individual(
      long id,
      Genome genome,
      Command command,
      Evaluation evaluation,
      DescriptorSpace space,
      int generation) {
    this.id = id;
    this.genome = genome;
    this.command = command;
    this.evaluation = evaluation;
    this.descriptor =
        space == DescriptorSpace.INPUT ? command.descriptor() : evaluation.behaviour().descriptor();
    this.generation = generation;
  }

  public long id() {
    return id;
  }

  public Genome genome() {
    return genome;
  }

  public Command command() {
    return command;
  }

  public Evaluation evaluation() {
    return evaluation;
  }

  public boolean valid() {
    return evaluation.valid();
  }

  double[] descriptor() {
    return descriptor;
  }

  public int generation() {
    return generation;
  }

  public double novelty() {
    return novelty;
  }

  void novelty(double n) {
    this.novelty = n;
  }
}
