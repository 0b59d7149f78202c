package dev.optbench.results.stats;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Two-sided Mann–Whitney U test: do the two samples come from the same distribution? No normality
 * assumption, which timings rarely meet. commons-math3 uses the normal approximation (with average
 * ranks for ties); for very small samples the p-value is approximate, which is one reason the
 * comparison also requires a minimum sample count.
 */
public final class MannWhitney {
  private MannWhitney() {}

  public static double pValue(double[] baseline, double[] candidate) {
    if (allEqual(baseline, candidate)) {
      return 1.0; // the approximation divides by zero variance here
    }
    return new MannWhitneyUTest().mannWhitneyUTest(baseline, candidate);
  }

  private static boolean allEqual(double[] a, double[] b) {
    double first = a[0];
    for (double v : a) {
      if (v != first) {
        return false;
      }
    }
    for (double v : b) {
      if (v != first) {
        return false;
      }
    }
    return true;
  }
}
