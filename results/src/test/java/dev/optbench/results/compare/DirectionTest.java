package dev.optbench.results.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectionTest {
  @ParameterizedTest
  @CsvSource({
    "s/op, LOWER_IS_BETTER",
    "us/op, LOWER_IS_BETTER",
    "ms, LOWER_IS_BETTER",
    "s, LOWER_IS_BETTER",
    "bytes, LOWER_IS_BETTER",
    "MiB, LOWER_IS_BETTER",
    "ops/s, HIGHER_IS_BETTER",
    "ops/ms, HIGHER_IS_BETTER",
    "MB/s, HIGHER_IS_BETTER",
    "#, NEUTRAL",
    "'', NEUTRAL"
  })
  void fromUnit(String unit, Direction expected) {
    assertThat(Direction.ofUnit(unit)).isEqualTo(expected);
  }

  @Test
  void contentionIsAboutTheMachineShownButNeverJudged() {
    assertThat(Direction.of("cpu.wait", "ms")).isEqualTo(Direction.NEUTRAL);
    assertThat(Direction.of("cpu.total", "ms")).isEqualTo(Direction.LOWER_IS_BETTER);
  }
}
