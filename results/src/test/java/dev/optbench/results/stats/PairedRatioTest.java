package dev.optbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedRatioTest {
  private static final double TRUE_RATIO = 0.9;

  /**
   * 20 rounds in which the machine slows down linearly by 2% per round (other load, thermal), with
   * 1% noise per value; the candidate costs 0.9 of the baseline in every round.
   */
  private static double[][] drifting(long seed) {
    Random random = new Random(seed);
    int rounds = 20;
    double[] base = new double[rounds];
    double[] cand = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      double machine = 1 + 0.02 * i;
      base[i] = 100 * machine * (1 + 0.01 * random.nextGaussian());
      cand[i] = TRUE_RATIO * 100 * machine * (1 + 0.01 * random.nextGaussian());
    }
    return new double[][] {base, cand};
  }

  @Test
  void pairedIntervalCoversTheTrueRatioAndIsNarrowerThanTheUnpairedOneUnderDrift() {
    for (long seed = 1; seed <= 5; seed++) {
      double[][] s = drifting(seed);
      RatioEstimate paired = new PairedRatio(Statistic.MEAN, 4000, 0.95).estimate(s[0], s[1], 7);
      RatioEstimate unpaired =
          new BootstrapRatio(Statistic.MEAN, 4000, 0.95).estimate(s[0], s[1], 7);

      assertThat(paired.contains(TRUE_RATIO)).as("seed %d: %s", seed, paired).isTrue();
      assertThat(unpaired.contains(TRUE_RATIO)).isTrue();
      // The drift spreads each side by ~±19%; pairs cancel it, leaving the 1% noise.
      assertThat(paired.relativeWidth()).isLessThan(unpaired.relativeWidth() / 3);
      assertThat(paired.ratio()).isEqualTo(unpaired.ratio()); // same point estimate
    }
  }

  @Test
  void pairedTestDecidesWhatTheUnpairedOneCannotUnderDrift() {
    // Candidate only 2% cheaper: the drift hides it from Mann-Whitney, not from the pairs.
    Random random = new Random(3);
    double[] base = new double[12];
    double[] cand = new double[12];
    for (int i = 0; i < base.length; i++) {
      double machine = 1 + 0.03 * i;
      base[i] = 100 * machine * (1 + 0.005 * random.nextGaussian());
      cand[i] = 98 * machine * (1 + 0.005 * random.nextGaussian());
    }
    assertThat(SignedRank.pValue(base, cand)).isLessThan(0.01);
    assertThat(MannWhitney.pValue(base, cand)).isGreaterThan(0.2);
  }

  @Test
  void samePairsAreNoDifference() {
    double[] v = {1, 2, 3, 4, 5, 6};
    assertThat(SignedRank.pValue(v, v.clone())).isEqualTo(1.0);
    RatioEstimate r = new PairedRatio(Statistic.MEAN, 200, 0.95).estimate(v, v.clone(), 1);
    assertThat(r.low()).isEqualTo(1.0);
    assertThat(r.high()).isEqualTo(1.0);
  }

  @Test
  void refusesSamplesOfDifferentRounds() {
    assertThatThrownBy(
            () ->
                new PairedRatio(Statistic.MEAN, 200, 0.95)
                    .estimate(new double[] {1, 2}, new double[] {1}, 1))
        .hasMessageContaining("same number of rounds");
  }

  @Test
  void minimumSamplesFollowFromAlpha() {
    // 2/2^6 = 0.031 < 0.05 <= 2/2^5; 2/C(8,4) = 0.029 < 0.05 <= 2/C(6,3) = 0.1.
    assertThat(MinimumSamples.paired(0.05)).isEqualTo(6);
    assertThat(MinimumSamples.unpaired(0.05)).isEqualTo(4);
    assertThat(MinimumSamples.paired(0.01)).isEqualTo(8); // 2/256 < 0.01 <= 2/128
    assertThat(MinimumSamples.unpairedCanDecide(3, 3, 0.05)).isFalse();
    assertThat(MinimumSamples.unpairedCanDecide(4, 4, 0.05)).isTrue();
  }
}
