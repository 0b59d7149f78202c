package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.optbench.harness.cgroup.CgroupCounters;
import dev.optbench.harness.exec.ContainerTotals;
import dev.optbench.harness.exec.ExecReport;
import dev.optbench.harness.metrics.ResourceUsage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnitMeasurementTest {
  private static final long U = ResourceUsage.UNKNOWN;
  private static final String SOURCE = "docker/cgroup-v1";

  /** A unit's counters as {@link CgroupCounters#since} gives them. */
  private static CgroupCounters used(
      long total, long user, long sys, long peak, long read, long write, long oom, long hits) {
    return new CgroupCounters(total, user, sys, U, U, U, U, peak, read, write, oom, hits, U);
  }

  private static final CgroupCounters BEFORE = used(1_000, 600, 400, 0, 10, 20, 1, 5);

  /** Cumulative counters at the end of a unit (the old Snapshot's order). */
  private static CgroupCounters snap(
      long total, long user, long sys, long read, long write, long oom, long hits) {
    return used(total, user, sys, 0, read, write, oom, hits);
  }

  private static CgroupCounters withPeak(CgroupCounters c, long peak) {
    return used(
        c.cpuTotalNanos(),
        c.cpuUserNanos(),
        c.cpuSystemNanos(),
        peak,
        c.ioReadBytes(),
        c.ioWriteBytes(),
        c.oomKills(),
        c.limitHits());
  }

  private static ExecReport report(int exit, int signal) {
    return new ExecReport(2_000_000_000L, 1_900_000, 100_000, 4096, 30_000_000L, exit, signal, "");
  }

  @Test
  void tickSampledUserAndSystemAreScaledToTheExactTotal() {
    // v1 usage_user/usage_sys deltas sum to 2.36 s while cpuacct.usage says 2.0 s (seen here).
    var after = snap(2_000_001_000L, 1_800_000_600L, 560_000_400L, 10, 20, 1, 5);
    ResourceUsage u =
        UnitMeasurement.fromCgroup(
            Optional.of(report(0, 0)), 0, withPeak(after, 1).since(BEFORE), 1.0, SOURCE);
    assertThat(u.cpuTotalNanos()).isEqualTo(2_000_000_000L);
    assertThat(u.cpuUserNanos() + u.cpuSystemNanos()).isEqualTo(u.cpuTotalNanos());
    assertThat((double) u.cpuUserNanos() / u.cpuSystemNanos())
        .isCloseTo(1800.0 / 560, within(1e-3));
  }

  @Test
  void totalsAreCounterDeltasAndWallIsTheHelpers() {
    var after = snap(2_001_000, 1_900_600, 100_400, 110, 220, 1, 5);
    ResourceUsage u =
        UnitMeasurement.fromCgroup(
            Optional.of(report(0, 0)), 0, withPeak(after, 1 << 20).since(BEFORE), 1.0, SOURCE);
    assertThat(u.wallNanos()).isEqualTo(2_000_000_000L);
    assertThat(u.cpuTotalNanos()).isEqualTo(2_000_000);
    assertThat(u.cpuUserNanos()).isEqualTo(1_900_000);
    assertThat(u.cpuSystemNanos()).isEqualTo(100_000);
    assertThat(u.ioReadBytes()).isEqualTo(100);
    assertThat(u.ioWriteBytes()).isEqualTo(200);
    assertThat(u.memoryPeakBytes()).isEqualTo(1 << 20);
    assertThat(u.oomKilled()).isFalse();
    assertThat(u.succeeded()).isTrue();
    assertThat(u.source()).isEqualTo(SOURCE);
  }

  @Test
  void anOomKillCounterIncreaseIsAnOom() {
    var after = snap(2_000, 1_000, 1_000, 10, 20, 2, 5);
    ResourceUsage u =
        UnitMeasurement.fromCgroup(
            Optional.of(report(-1, 9)), 137, withPeak(after, 1).since(BEFORE), 1.0, SOURCE);
    assertThat(u.oomKilled()).isTrue();
    assertThat(u.signal()).isEqualTo(9);
  }

  @Test
  void sigkillWithLimitFailuresIsAnOomOnKernelsWithoutTheCounter() {
    var after = snap(2_000, 1_000, 1_000, 10, 20, U, 9);
    assertThat(
            UnitMeasurement.fromCgroup(
                    Optional.of(report(-1, 9)), 137, withPeak(after, 1).since(BEFORE), 1.0, SOURCE)
                .oomKilled())
        .isTrue();
    var noFailures = snap(2_000, 1_000, 1_000, 10, 20, U, 5);
    assertThat(
            UnitMeasurement.fromCgroup(
                    Optional.of(report(-1, 9)),
                    137,
                    withPeak(noFailures, 1).since(BEFORE),
                    1.0,
                    SOURCE)
                .oomKilled())
        .as("a timeout kill is no OOM")
        .isFalse();
  }

  @Test
  void withoutAReportTheEnginesExitStatusIsUsedAndWallIsUnknown() {
    ResourceUsage u =
        UnitMeasurement.fromCgroup(
            Optional.empty(), 137, withPeak(BEFORE, 1).since(BEFORE), 1.0, SOURCE);
    assertThat(u.wallNanos()).isEqualTo(ResourceUsage.UNKNOWN);
    assertThat(u.signal()).isEqualTo(9);
    assertThat(u.exitCode()).isEqualTo(-1);
    ResourceUsage cannotStart = UnitMeasurement.fromRusage(Optional.empty(), 126, 1.0);
    assertThat(cannotStart.exitCode()).isEqualTo(126);
    assertThat(cannotStart.cpuTotalNanos()).isEqualTo(ResourceUsage.UNKNOWN);
  }

  @Test
  void rusageFallbackSaysSoAndLeavesUnknownsUnknown() {
    ResourceUsage u = UnitMeasurement.fromRusage(Optional.of(report(0, 0)), 0, 2.0);
    assertThat(u.cpuTotalNanos()).isEqualTo(2_000_000_000L);
    assertThat(u.memoryPeakBytes()).isEqualTo(4096L * 1024);
    assertThat(u.ioReadBytes()).isEqualTo(ResourceUsage.UNKNOWN);
    assertThat(u.source()).isEqualTo(UnitMeasurement.SOURCE_RUSAGE);
    assertThat(u.allowedCores()).isEqualTo(2.0);
  }

  private static ExecReport remote(ContainerTotals totals) {
    return new ExecReport(2_000_000_000L, 1_900_000, 100_000, 4096, 30_000_000L, 0, 0, "", totals);
  }

  @Test
  void aRemoteEnginesTotalsComeFromTheContainersCgroupAndPeakFromRusage() {
    ContainerTotals v1 =
        new ContainerTotals("v1", 2_050_000_000L, 1_900_000_000L, 200_000_000L, 4096, 8192, 0);
    ResourceUsage u = UnitMeasurement.fromContainer(Optional.of(remote(v1)), 0, 1.0);
    assertThat(u.cpuTotalNanos()).isEqualTo(2_050_000_000L);
    assertThat(u.cpuUserNanos() + u.cpuSystemNanos()).isEqualTo(u.cpuTotalNanos());
    assertThat(u.memoryPeakBytes()).isEqualTo(4096 * 1024L);
    assertThat(u.ioReadBytes()).isEqualTo(4096);
    assertThat(u.ioWriteBytes()).isEqualTo(8192);
    assertThat(u.wallNanos()).isEqualTo(2_000_000_000L);
    assertThat(u.cpuWaitNanos()).isEqualTo(30_000_000L);
    assertThat(u.source()).isEqualTo("docker-remote/cgroup-v1+rusage-peak");
    assertThat(u.oomKilled()).isFalse();
    ContainerTotals oom = new ContainerTotals("v2", 1, 1, 0, 0, 0, 1);
    assertThat(UnitMeasurement.fromContainer(Optional.of(remote(oom)), 0, 1.0).oomKilled())
        .isTrue();
  }

  @Test
  void aRemoteEngineWithoutReadableCgroupFilesSaysRusage() {
    ResourceUsage u =
        UnitMeasurement.fromContainer(Optional.of(remote(ContainerTotals.NONE)), 0, 1.0);
    assertThat(u.cpuTotalNanos()).isEqualTo(2_000_000_000L);
    assertThat(u.ioReadBytes()).isEqualTo(U);
    assertThat(u.source()).isEqualTo("docker-remote/rusage");
    assertThat(UnitMeasurement.fromContainer(Optional.empty(), 137, 1.0).signal()).isEqualTo(9);
  }

  @Test
  void userAndSystemTicksWithoutASplitAreUnknown() {
    assertThat(UnitMeasurement.fitted(100, 0, 0)).containsExactly(U, U);
    assertThat(UnitMeasurement.fitted(100, -1, 5)).containsExactly(U, U);
    assertThat(UnitMeasurement.fitted(100, 3, 1)).containsExactly(75, 25);
  }
}
