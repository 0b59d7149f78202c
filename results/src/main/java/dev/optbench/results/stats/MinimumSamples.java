package dev.optbench.results.stats;

/**
 * The fewest values with which a rank test can call a difference significant at all. Below it the
 * test's power is zero whatever the data say: with {@code n} pairs the smallest two-sided p of the
 * signed-rank test is {@code 2 / 2^n} (every pair points the same way), and with {@code n1} and
 * {@code n2} values Mann–Whitney's is {@code 2 / C(n1 + n2, n1)} (complete separation). So the
 * minimum follows from alpha, not from a habit: at alpha 0.05 it is 6 pairs, or 4 values per side
 * unpaired.
 */
public final class MinimumSamples {
  private static final int LIMIT = 64;

  private MinimumSamples() {}

  /** Smallest n with {@code 2 / 2^n < alpha}. */
  public static int paired(double alpha) {
    checkAlpha(alpha);
    for (int n = 1; n < LIMIT; n++) {
      if (2 / Math.pow(2, n) < alpha) {
        return n;
      }
    }
    return LIMIT;
  }

  /** Smallest n per side (equal sizes) with {@code 2 / C(2n, n) < alpha}. */
  public static int unpaired(double alpha) {
    checkAlpha(alpha);
    for (int n = 1; n < LIMIT; n++) {
      if (2 / binomial(2 * n, n) < alpha) {
        return n;
      }
    }
    return LIMIT;
  }

  /** Whether any outcome of Mann–Whitney with these sizes reaches {@code p < alpha}. */
  public static boolean unpairedCanDecide(int n1, int n2, double alpha) {
    return n1 > 0 && n2 > 0 && 2 / binomial(n1 + n2, n1) < alpha;
  }

  static double binomial(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }

  private static void checkAlpha(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
  }
}
