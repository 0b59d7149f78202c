package dev.optbench.harness.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceUsageTest {
  private static final long MS = 1_000_000;

  @Test
  void waitingBehindTheUnitsOwnThreadsIsNotContention() {
    // two threads on one core, the core busy with the unit all along: 210 ms of run_delay, none
    // of it others'
    assertThat(usage(1000 * MS, 1000 * MS, 210 * MS, 1).contentionWaitNanos()).isZero();
  }

  @Test
  void aCoRunnersShareIsKeptAndTheWaitNeverExceedsIt() {
    // single-threaded, half the core went to a co-runner: all 500 ms of wait are others'
    assertThat(usage(1000 * MS, 500 * MS, 500 * MS, 1).contentionWaitNanos()).isEqualTo(500 * MS);
    // a multi-threaded unit beside a co-runner: 300 ms went to others, 450 ms of run_delay
    assertThat(usage(1000 * MS, 700 * MS, 450 * MS, 1).contentionWaitNanos()).isEqualTo(300 * MS);
    // on two cores the bound counts both
    assertThat(usage(1000 * MS, 1200 * MS, 450 * MS, 2).contentionWaitNanos()).isEqualTo(450 * MS);
  }

  @Test
  void unknownCountersLeaveTheRunDelayAsItIs() {
    assertThat(usage(1000 * MS, ResourceUsage.UNKNOWN, 210 * MS, 1).contentionWaitNanos())
        .isEqualTo(210 * MS);
    assertThat(usage(1000 * MS, 1000 * MS, ResourceUsage.UNKNOWN, 1).contentionWaitNanos())
        .isEqualTo(ResourceUsage.UNKNOWN);
  }

  private static ResourceUsage usage(long wall, long cpu, long wait, double cores) {
    return new ResourceUsage(wall, cpu, 0, cpu, wait, 0, 0, 0, false, 0, 0, cores, "test");
  }
}
