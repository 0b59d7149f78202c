package dev.optbench.harness.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitTotalsTest {
  private static ResourceUsage step(long wall, long cpu, long peak, int exit, boolean oom) {
    return new ResourceUsage(
        wall, cpu - 1, 1, cpu, 3, peak, 10, 20, oom, exit, 0, 1.0, "cgroup-v1");
  }

  @Test
  void timesAndIoAddUpThePeakIsTheHighestStep() {
    ResourceUsage u =
        UnitTotals.sum(List.of(step(100, 80, 5_000, 0, false), step(50, 40, 9_000, 0, false)));
    assertThat(u.wallNanos()).isEqualTo(150);
    assertThat(u.cpuTotalNanos()).isEqualTo(120);
    assertThat(u.cpuWaitNanos()).isEqualTo(6);
    assertThat(u.cpuUserNanos() + u.cpuSystemNanos()).isEqualTo(120);
    assertThat(u.memoryPeakBytes()).isEqualTo(9_000);
    assertThat(u.ioReadBytes()).isEqualTo(20);
    assertThat(u.ioWriteBytes()).isEqualTo(40);
    assertThat(u.succeeded()).isTrue();
  }

  @Test
  void aFailingStepFailsTheUnitWithItsExitAndAnOomAnywhereCounts() {
    ResourceUsage u =
        UnitTotals.sum(
            List.of(step(1, 1, 1, 0, false), step(1, 1, 1, 3, false), step(1, 1, 1, 0, true)));
    assertThat(u.exitCode()).isEqualTo(3);
    assertThat(u.oomKilled()).isTrue();
    assertThat(u.succeeded()).isFalse();
  }

  @Test
  void anUnreadableCounterInAnyStepStaysUnknown() {
    ResourceUsage unknownPeak =
        new ResourceUsage(
            1,
            1,
            0,
            1,
            ResourceUsage.UNKNOWN,
            ResourceUsage.UNKNOWN,
            -1,
            -1,
            false,
            0,
            0,
            1,
            "process");
    ResourceUsage u = UnitTotals.sum(List.of(step(1, 1, 100, 0, false), unknownPeak));
    assertThat(u.memoryPeakBytes()).isEqualTo(ResourceUsage.UNKNOWN);
    assertThat(u.ioReadBytes()).isEqualTo(ResourceUsage.UNKNOWN);
    assertThat(u.cpuWaitNanos()).isEqualTo(ResourceUsage.UNKNOWN);
    assertThat(u.wallNanos()).isEqualTo(2);
  }

  @Test
  void aUnitHasAtLeastOneStep() {
    assertThatThrownBy(() -> UnitTotals.sum(List.of())).hasMessageContaining("at least one step");
  }
}
