package dev.optbench.results.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.Crafted;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gate over many simulated nights (fixed seeds, so deterministic): pure noise must never fail
 * it, and a real 10% slow-down must almost always be caught.
 */
class GateErrorRatesTest {
  private static final CompareOptions OPTIONS = CompareOptions.defaults().withResamples(1000);
  private static final int NIGHTS = 40;

  private static Verdict night(long seed, double slowdown) {
    var base = List.of(Crafted.timed("encode", seed, 10, 10.0, 0.03));
    var cand = List.of(Crafted.timed("encode", seed + 7_777, 10, 10.0 * slowdown, 0.03));
    return Comparison.of(base, cand, OPTIONS).rows().get(0).verdict();
  }

  @Test
  void noiseNeverFailsTheGate() {
    long failures = 0;
    for (long s = 1; s <= NIGHTS; s++) {
      if (night(s, 1.0) == Verdict.REGRESSION) {
        failures++;
      }
    }
    assertThat(failures).isZero();
  }

  @Test
  void aTenPercentSlowDownIsCaughtAlmostAlways() {
    long caught = 0;
    for (long s = 1; s <= NIGHTS; s++) {
      if (night(s, 1.10) == Verdict.REGRESSION) {
        caught++;
      }
    }
    assertThat(caught).isGreaterThanOrEqualTo(NIGHTS * 9 / 10);
  }

  @Test
  void aSlowDownBelowTheThresholdNeverFailsTheGate() {
    for (long s = 1; s <= NIGHTS; s++) {
      assertThat(night(s, 1.02)).as("night %d", s).isNotEqualTo(Verdict.REGRESSION);
    }
  }
}
