package dev.optbench.results.stats;

import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Two-sided Wilcoxon signed-rank test on same-round pairs: is the candidate/baseline ratio of a
 * round centred on 1? Ranks the log ratios, so a 10% slow-down and a 10% speed-up weigh alike and
 * the scale of the unit does not matter. commons-math3 gives the exact p-value up to 30 pairs and
 * the normal approximation above.
 */
public final class SignedRank {
  private static final int EXACT_UP_TO = 30;

  private SignedRank() {}

  public static double pValue(double[] baseline, double[] candidate) {
    int n = baseline.length;
    double[] logB = new double[n];
    double[] logC = new double[n];
    boolean allSame = true;
    boolean positive = true;
    for (int i = 0; i < n; i++) {
      positive &= baseline[i] > 0 && candidate[i] > 0;
      allSame &= baseline[i] == candidate[i];
    }
    if (allSame) {
      return 1.0; // no differences to rank; the test divides by zero here
    }
    for (int i = 0; i < n; i++) {
      // Zero values (e.g. cpu.sys of a unit that made no system call) have no log: rank plain
      // differences instead.
      logB[i] = positive ? Math.log(baseline[i]) : baseline[i];
      logC[i] = positive ? Math.log(candidate[i]) : candidate[i];
    }
    return new WilcoxonSignedRankTest().wilcoxonSignedRankTest(logC, logB, n <= EXACT_UP_TO);
  }
}
