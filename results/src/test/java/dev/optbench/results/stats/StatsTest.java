package dev.optbench.results.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class StatsTest {
  private static double[] normal(long seed, int n, double mean, double sd) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = mean + sd * r.nextGaussian();
    }
    return v;
  }

  @Test
  void bootstrapIsDeterministicForASeedAndVariesAcrossSeeds() {
    double[] base = normal(1, 20, 10, 0.5);
    double[] cand = normal(2, 20, 11, 0.5);
    BootstrapRatio bootstrap = new BootstrapRatio(Statistic.MEAN, 2000, 0.95);

    RatioEstimate a = bootstrap.estimate(base, cand, 42);
    RatioEstimate b = bootstrap.estimate(base, cand, 42);
    RatioEstimate c = bootstrap.estimate(base, cand, 43);

    assertThat(a.low()).isEqualTo(b.low());
    assertThat(a.high()).isEqualTo(b.high());
    assertThat(c.low()).isNotEqualTo(a.low());
    assertThat(a.ratio()).isCloseTo(1.1, Offset.offset(0.03));
    assertThat(a.low()).isLessThan(a.ratio());
    assertThat(a.high()).isGreaterThan(a.ratio());
    assertThat(a.contains(1.0)).isFalse();
  }

  @Test
  void bootstrapIntervalNarrowsWithMoreSamples() {
    BootstrapRatio bootstrap = new BootstrapRatio(Statistic.MEDIAN, 2000, 0.95);
    RatioEstimate small = bootstrap.estimate(normal(3, 8, 10, 1), normal(4, 8, 10, 1), 7);
    RatioEstimate large = bootstrap.estimate(normal(3, 200, 10, 1), normal(4, 200, 10, 1), 7);

    assertThat(large.relativeWidth()).isLessThan(small.relativeWidth() / 2);
  }

  @Test
  void bootstrapRejectsTooFewResamples() {
    assertThatThrownBy(() -> new BootstrapRatio(Statistic.MEAN, 10, 0.95))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void effectSizeCountsWinsAndTies() {
    EffectSize allBigger = EffectSize.of(new double[] {1, 2}, new double[] {3, 4});
    EffectSize tied = EffectSize.of(new double[] {1, 2}, new double[] {1, 2});

    assertThat(allBigger.a12()).isEqualTo(1.0);
    assertThat(allBigger.cliffsDelta()).isEqualTo(1.0);
    assertThat(allBigger.magnitude()).isEqualTo("large");
    assertThat(tied.a12()).isEqualTo(0.5);
    assertThat(tied.magnitude()).isEqualTo("negligible");
  }

  @Test
  void outliersAreFoundByMadAndValuesKept() {
    double[] values = {10.0, 10.1, 9.9, 10.2, 9.8, 10.05, 30.0};

    Outliers outliers = Outliers.of(values);

    assertThat(outliers.indices()).containsExactly(6);
    assertThat(outliers.median()).isEqualTo(10.05);
    assertThat(values).hasSize(7).contains(30.0);
    assertThat(Outliers.of(new double[] {5, 5, 5, 5, 6}).indices()).containsExactly(4);
  }

  @Test
  void mannWhitneySeparatesShiftedSamplesButNotIdenticalOnes() {
    assertThat(MannWhitney.pValue(normal(5, 15, 10, 0.3), normal(6, 15, 11, 0.3)))
        .isLessThan(0.001);
    assertThat(MannWhitney.pValue(normal(5, 15, 10, 0.3), normal(6, 15, 10, 0.3)))
        .isGreaterThan(0.05);
    assertThat(MannWhitney.pValue(new double[] {1, 1}, new double[] {1, 1, 1})).isEqualTo(1.0);
  }

  @Test
  void geometricMeanTreatsHalvingAndDoublingSymmetrically() {
    double[] reps = new double[100];
    java.util.Arrays.fill(reps, 2.0);
    double[] halves = new double[100];
    java.util.Arrays.fill(halves, 0.5);
    RatioEstimate up = new RatioEstimate(2.0, 2.0, 2.0, 0.95, reps);
    RatioEstimate down = new RatioEstimate(0.5, 0.5, 0.5, 0.95, halves);

    RatioEstimate summary = GeometricMean.of(List.of(up, down));

    assertThat(summary.ratio()).isCloseTo(1.0, Offset.offset(1e-12));
    assertThat(summary.low()).isCloseTo(1.0, Offset.offset(1e-12));
  }

  @Test
  void geometricMeanIntervalComesFromReplicates() {
    BootstrapRatio bootstrap = new BootstrapRatio(Statistic.MEAN, 1000, 0.95);
    RatioEstimate a = bootstrap.estimate(normal(1, 10, 10, 1), normal(2, 10, 12, 1), 1);
    RatioEstimate b = bootstrap.estimate(normal(3, 10, 5, 0.5), normal(4, 10, 6, 0.5), 2);

    RatioEstimate summary = GeometricMean.of(List.of(a, b));

    assertThat(summary.ratio()).isCloseTo(Math.sqrt(a.ratio() * b.ratio()), Offset.offset(1e-12));
    assertThat(summary.low()).isBetween(Math.min(a.low(), b.low()), summary.ratio());
    assertThat(summary.high()).isBetween(summary.ratio(), Math.max(a.high(), b.high()));
  }

  @Test
  void repetitionsScaleWithTheSquareOfTheWidthRatio() {
    assertThat(Repetitions.needed(10, 0.2, 0.1)).isEqualTo(40);
    assertThat(Repetitions.needed(10, 0.05, 0.1)).isEqualTo(10);
    assertThat(Repetitions.needed(5, 0.3, 0.1)).isEqualTo(45);
  }
}
