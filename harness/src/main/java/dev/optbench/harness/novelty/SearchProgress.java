package dev.optbench.harness.novelty;

/** A progress report after each generation (random search: after each batch of evaluations). */
public record SearchProgress(
    String search,
    int generation,
    int evaluations,
    int budget,
    int valid,
    int archiveSize,
    double evaluationsPerMinute) {
  public double validityRate() {
    return evaluations == 0 ? 0 : (double) valid / evaluations;
  }
}
