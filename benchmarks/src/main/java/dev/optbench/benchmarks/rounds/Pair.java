package dev.optbench.benchmarks.rounds;

/** One (variant, unit) pair: what a round runs once. */
public record Pair(String variant, String unit) {
  @Override
  public String toString() {
    return variant + "/" + unit;
  }
}
