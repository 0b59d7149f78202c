package dev.optbench.benchmarks.rounds;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One (variant, unit) pair: what a round runs once. With named engines ({@code --engine}) the pair
 * also says where: the same variant and unit on two engines are two pairs, never compared with each
 * other. Without, {@code engine} is "" and is left out of {@code rounds.json}.
 */
public record Pair(
    String variant, @JsonInclude(JsonInclude.Include.NON_EMPTY) String engine, String unit) {
  public Pair {
    engine = engine == null ? "" : engine;
  }

  /** A pair of a run on one unnamed engine (or none). */
  public Pair(String variant, String unit) {
    this(variant, "", unit);
  }

  @Override
  public String toString() {
    return variant + (engine.isEmpty() ? "" : "@" + engine) + "/" + unit;
  }
}
