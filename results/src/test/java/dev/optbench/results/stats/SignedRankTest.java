package dev.optbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

/**
 * The exact p-value counted with a running table of rank sums is commons-math3's own (which
 * enumerates every sign pattern), with ties and zero differences too, for every size it is cheap to
 * enumerate; and it stays a probability where the enumeration's doubling passes 1.
 */
class SignedRankTest {

  @Test
  void theExactPValueIsCommonsMathsForEverySizeWithTiesAndZeros() {
    Random random = new Random(20261208);
    WilcoxonSignedRankTest commons = new WilcoxonSignedRankTest();
    for (int n = 1; n <= 16; n++) {
      for (int trial = 0; trial < 40; trial++) {
        double[] b = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
          b[i] = 100 + random.nextInt(20);
          // coarse values make ties among the differences, and some equal pairs (zeros)
          c[i] = trial % 3 == 0 ? b[i] : 100 + random.nextInt(20) + (trial % 5) * 0.5;
        }
        if (java.util.Arrays.equals(b, c)) {
          continue; // no differences: SignedRank says 1 without a test
        }
        double[] logB = java.util.Arrays.stream(b).map(Math::log).toArray();
        double[] logC = java.util.Arrays.stream(c).map(Math::log).toArray();
        double expected = Math.min(1.0, commons.wilcoxonSignedRankTest(logC, logB, true));
        assertThat(SignedRank.pValue(b, c))
            .as("n=%d trial %d", n, trial)
            .isCloseTo(expected, within(1e-12));
      }
    }
  }

  @Test
  void knownTailsAndBounds() {
    // n = 6, every difference positive: W+ = 21, the most extreme of 64 patterns, two-sided
    assertThat(SignedRank.exactPValue(21, 6)).isCloseTo(2.0 / 64, within(1e-15));
    // the middle of the distribution: doubling the upper half passes 1, a p-value does not
    assertThat(SignedRank.exactPValue(10.5, 6)).isEqualTo(1.0);
    // 30 pairs, all one way: 2 / 2^30, counted without enumerating 2^30 patterns
    assertThat(SignedRank.exactPValue(465, 30)).isCloseTo(2 / Math.pow(2, 30), within(1e-20));
  }
}
