package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressOutputTest {
  @Test
  void barShowsTheShareOfTrialsDone() {
    assertThat(ProgressOutput.bar(0, 4)).isEqualTo("[--------------------] 0%");
    assertThat(ProgressOutput.bar(1, 4)).isEqualTo("[#####---------------] 25%");
    assertThat(ProgressOutput.bar(4, 4)).isEqualTo("[####################] 100%");
  }

  @Test
  void jmhBannersAreDroppedWarningsAndErrorsPass() {
    assertThat(ProgressOutput.isChatter("# Run progress: 25.00% complete, ETA 00:00:15")).isTrue();
    assertThat(ProgressOutput.isChatter("# Fork: 1 of 1")).isTrue();
    assertThat(ProgressOutput.isChatter("")).isTrue();
    assertThat(ProgressOutput.isChatter("<failure>")).isFalse();
    assertThat(ProgressOutput.isChatter("# Run complete. Total time: 00:00:13")).isFalse();
  }

  @Test
  void humanDurations() {
    assertThat(ProgressOutput.human(59_000_000_000L)).isEqualTo("59s");
    assertThat(ProgressOutput.human(125_000_000_000L)).isEqualTo("2m05s");
  }
}
