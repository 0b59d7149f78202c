package dev.optbench.results.stats;

/**
 * Vargha–Delaney A: the probability that a random candidate value exceeds a random baseline value
 * (ties count half). 0.5 means no effect; Cliff's delta is {@code 2A - 1}. Non-parametric, so it
 * suits skewed timing distributions, and it does not depend on scale.
 */
public record EffectSize(double a12) {

  public static EffectSize of(double[] baseline, double[] candidate) {
    double wins = 0;
    for (double c : candidate) {
      for (double b : baseline) {
        if (c > b) {
          wins += 1;
        } else if (c == b) {
          wins += 0.5;
        }
      }
    }
    return new EffectSize(wins / ((double) candidate.length * baseline.length));
  }

  public double cliffsDelta() {
    return 2 * a12 - 1;
  }

  /** Vargha and Delaney's thresholds on |A - 0.5|: 0.06 small, 0.14 medium, 0.21 large. */
  public String magnitude() {
    double d = Math.abs(a12 - 0.5);
    if (d < 0.06) {
      return "negligible";
    }
    if (d < 0.14) {
      return "small";
    }
    return d < 0.21 ? "medium" : "large";
  }
}
