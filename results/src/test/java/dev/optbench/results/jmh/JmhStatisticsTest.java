package dev.optbench.results.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
        new double[] {0.001, 1e6, 42, 7, 7, 7, 8});
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
