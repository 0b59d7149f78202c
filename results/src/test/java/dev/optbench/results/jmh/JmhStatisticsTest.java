package dev.optbench.results.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.util.ListStatistics;

/** Our JMH-style summary must equal jmh-core's own ListStatistics for the same values. */
class JmhStatisticsTest {

  static List<double[]> samples() {
    return List.of(
        new double[] {1.0},
        new double[] {1.0, 2.0},
        new double[] {1.0, 2.0, 4.0},
        new double[] {10.5, 9.75, 11.25, 10.0, 30.0, 10.1, 9.9, 10.2, 10.3, 10.4},
        new double[] {3, 3, 3, 3},
        new double[] {0.001, 1e6, 42, 7, 7, 7, 8},
        // Timings as a run produces them (ms with many digits): where a compensated mean or
        // variance would differ from JMH's plain sums in the last bit.
        new double[] {0.412739, 0.398121, 0.401007},
        new double[] {278.812345, 270.8, 285.533333, 279.1, 281.42});
  }

  /** Many seeded random samples: equal to the bit, not only close. */
  static List<double[]> randomSamples() {
    Random random = new Random(42);
    List<double[]> samples = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double[] values = new double[3 + random.nextInt(20)];
      double scale = Math.pow(10, random.nextInt(7) - 3);
      for (int j = 0; j < values.length; j++) {
        values[j] = scale * (1 + random.nextDouble());
      }
      samples.add(values);
    }
    return samples;
  }

  @ParameterizedTest
  @MethodSource("randomSamples")
  void matchesJmhOnRandomSamples(double[] values) {
    matchesJmh(values);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void matchesJmh(double[] values) {
    ListStatistics jmh = new ListStatistics(values);
    JmhStatistics ours = new JmhStatistics(values);

    assertThat(ours.mean()).isEqualTo(jmh.getMean());
    // Double.compare: NaN (fewer than 3 values) must match NaN.
    assertThat(Double.compare(ours.meanError(), jmh.getMeanErrorAt(0.999))).isZero();
    double[] ci = jmh.getConfidenceIntervalAt(0.999);
    assertThat(Double.compare(ours.confidence().get(0), ci[0])).isZero();
    assertThat(Double.compare(ours.confidence().get(1), ci[1])).isZero();
    for (double rank : JmhStatistics.PERCENTILE_RANKS) {
      assertThat(ours.percentile(rank)).as("p%s", rank).isEqualTo(jmh.getPercentile(rank));
    }
  }
}
