package dev.optbench.benchmarks.job;

import java.util.List;
import java.util.Optional;

/** The variant the others are compared with, chosen (and checked) before anything is built. */
final class Baseline {
  private Baseline() {}

  /**
   * @param given {@code --baseline}, if any
   * @param variants the variants that will be built, in order
   * @return {@code given}, else O2 when built, else the first variant
   */
  static String choose(Optional<String> given, List<String> variants) {
    String baseline = given.orElse(variants.contains("O2") ? "O2" : variants.get(0));
    if (!variants.contains(baseline)) {
      throw new IllegalArgumentException(
          "--baseline " + baseline + " is not one of the variants " + variants);
    }
    return baseline;
  }
}
