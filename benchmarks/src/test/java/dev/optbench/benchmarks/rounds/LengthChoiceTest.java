package dev.optbench.benchmarks.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LengthChoiceTest {
  @Test
  void aUnitAtOrAboveTheFloorKeepsItsLength() {
    assertThat(LengthChoice.factor(250, 900, 200)).isEqualTo(1);
    assertThat(LengthChoice.factor(200, 700, 200)).isEqualTo(1);
  }

  @Test
  void theFactorIsTheSmallestPowerOfTwoPredictedToReachTheFloor() {
    // measured on O2 (2026-12-07): a 1 s h263p encode, 30 ms as written, 66 ms with 4 s of
    // media: 18 ms of start-up and 12 ms per second of media; 200 ms needs 16 s
    assertThat(LengthChoice.factor(30, 66, 200)).isEqualTo(16);
    assertThat(LengthChoice.predictedMs(30, 66, 16)).isCloseTo(210, within(0.01));
    // an audio unit, 65 ms and 156 ms: start 35 ms, 30 ms per length
    assertThat(LengthChoice.factor(65, 156, 200)).isEqualTo(8);
  }

  @Test
  void aUnitWhoseCostIsAllStartUpIsNotLengthened() {
    assertThat(LengthChoice.factor(40, 40, 200)).isEqualTo(1);
    assertThat(LengthChoice.factor(40, 38, 200)).isEqualTo(1);
  }

  @Test
  void theFactorIsCappedAndPowersOfTwoKeepItStableUnderNoise() {
    assertThat(LengthChoice.factor(20, 21, 200)).isEqualTo(LengthChoice.MAX_FACTOR);
    // a few per cent of noise in the timings lands on the same factor unless the prediction
    // sits right at the floor
    assertThat(LengthChoice.factor(31, 67, 200)).isEqualTo(16);
    assertThat(LengthChoice.factor(29, 65, 200)).isEqualTo(16);
  }

  @Test
  void theFloorIsTheMinimumOrAHundredTimesTheLaunchJitter() {
    List<Double> quiet = List.of(14.0, 14.2, 13.9, 14.1, 14.0, 30.0, 14.1);
    double jitter = LengthChoice.jitterMs(quiet);
    assertThat(jitter).as("one slow launch does not move a robust spread").isLessThan(0.3);
    assertThat(LengthChoice.floorMs(200, jitter)).isEqualTo(200);
    List<Double> noisy = List.of(14.0, 18.0, 11.0, 16.0, 13.0, 19.0, 10.0);
    assertThat(LengthChoice.floorMs(200, LengthChoice.jitterMs(noisy))).isGreaterThan(200);
  }
}
