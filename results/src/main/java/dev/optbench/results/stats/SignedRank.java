package dev.optbench.results.stats;

import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Two-sided Wilcoxon signed-rank test on same-round pairs: is the candidate/baseline ratio of a
 * round centred on 1? Ranks the log ratios, so a 10% slow-down and a 10% speed-up weigh alike and
 * the scale of the unit does not matter. Exact p-value up to 30 pairs, the normal approximation
 * (commons-math3's) above.
 *
 * <p>The exact p-value is counted here rather than by commons-math3, which enumerates all 2^n sign
 * patterns: at 20 rounds that is a million per row and, over a default job's ~500 rows, ~20 s for
 * every comparison (seen 2026-12-08 after each 20-round run: the precision check, then the summary
 * and the report, each waited that long). Counting rank sums with a running table gives the same
 * numbers in n x n(n+1)/2 steps; {@code SignedRankTest} holds it to commons-math3's own.
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
    WilcoxonSignedRankTest test = new WilcoxonSignedRankTest();
    if (n > EXACT_UP_TO) {
      return test.wilcoxonSignedRankTest(logC, logB, false);
    }
    return exactPValue(test.wilcoxonSignedRank(logC, logB), n);
  }

  /**
   * Two-sided exact p-value of the larger signed-rank sum {@code wMax} (average ranks for ties, as
   * commons-math3 ranks them) over the 2^n sign patterns of the ranks 1..n, as commons-math3
   * defines it: 2 x (patterns whose positive rank sum reaches {@code wMax}) / 2^n, at most 1.
   */
  static double exactPValue(double wMax, int n) {
    int total = n * (n + 1) / 2;
    // ways[s]: sign patterns of the ranks so far whose positive ranks add up to s; n <= 30, so
    // a long holds every count (at most 2^30)
    long[] ways = new long[total + 1];
    ways[0] = 1;
    for (int rank = 1; rank <= n; rank++) {
      for (int sum = rank * (rank + 1) / 2; sum >= rank; sum--) {
        ways[sum] += ways[sum - rank];
      }
    }
    long atLeast = 0;
    for (int sum = (int) Math.ceil(wMax); sum <= total; sum++) {
      atLeast += ways[Math.max(sum, 0)];
    }
    return Math.min(1.0, 2.0 * atLeast / Math.pow(2, n));
  }
}
