package dev.optbench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DomainTest {
  @Test
  void choicesSplitTheUnitIntervalEvenly() {
    Domain.Choice c = new Domain.Choice(List.of("a", "b", "c", "d"));
    assertThat(c.pick(0)).isEqualTo("a");
    assertThat(c.pick(0.26)).isEqualTo("b");
    assertThat(c.pick(Math.nextDown(1.0))).isEqualTo("d");
    assertThat(c.normalise(0.3)).isEqualTo(c.normalise(0.45)).isEqualTo(1.0 / 3);
  }

  @Test
  void logRangesReachBothEndsAndSpreadByRatio() {
    Domain.IntRange kbps = new Domain.IntRange(100, 10_000, true);
    assertThat(kbps.value(0)).isEqualTo(100);
    assertThat(kbps.value(Math.nextDown(1.0))).isEqualTo(10_000);
    assertThat(kbps.value(0.5)).isEqualTo(1_000);
    assertThat(kbps.normalise(0.5)).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
    Domain.Real r = new Domain.Real(0.5, 2);
    assertThat(r.value(0.5)).isEqualTo(1.25);
  }

  @Test
  void genesOutsideTheUnitIntervalAreClamped() {
    double[] g = new double[Param.values().length];
    g[0] = 7;
    g[1] = -3;
    g[2] = Double.NaN;
    Genome genome = new Genome(g);
    assertThat(genome.gene(Param.TEMPLATE)).isLessThan(1);
    assertThat(genome.gene(Param.VIDEO_SOURCE)).isZero();
    assertThat(genome.gene(Param.AUDIO_SOURCE)).isZero();
  }
}
