package dev.optbench.harness.cgroup;

import static dev.optbench.harness.metrics.ResourceUsage.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupBasicsTest {
  @TempDir Path root;

  @Test
  void detectsTheLayout() {
    assertThat(CgroupVersion.detect(root)).isEqualTo(CgroupVersion.NONE);
    FakeTree tree = new FakeTree(root);
    tree.file("memory/cgroup.procs", "");
    assertThat(CgroupVersion.detect(root)).isEqualTo(CgroupVersion.V1);
    tree.file("unified/cgroup.controllers", "");
    assertThat(CgroupVersion.detect(root)).isEqualTo(CgroupVersion.HYBRID);
    assertThat(CgroupFs.detect(root)).get().isInstanceOf(V1CgroupFs.class);
    tree.file("cgroup.controllers", "cpu memory");
    assertThat(CgroupVersion.detect(root)).isEqualTo(CgroupVersion.V2);
    assertThat(CgroupFs.detect(root)).get().isInstanceOf(V2CgroupFs.class);
  }

  @Test
  void countsCpuLists() {
    assertThat(CpuList.count("0")).isEqualTo(1);
    assertThat(CpuList.count("0-3,8,10-11\n")).isEqualTo(7);
    assertThat(CpuList.count("")).isZero();
    assertThatThrownBy(() -> CpuList.count("3-1")).hasMessageContaining("3-1");
    assertThatThrownBy(() -> CpuList.count("a")).hasMessageContaining("expected");
  }

  @Test
  void allowedCoresTakesTheSmallestLimit() {
    assertThat(AllowedCores.of("", UNKNOWN, 2)).isEqualTo(2.0);
    assertThat(AllowedCores.of("0", UNKNOWN, 2)).isEqualTo(1.0);
    assertThat(AllowedCores.of("0-7", UNKNOWN, 2)).isEqualTo(2.0);
    assertThat(AllowedCores.of("0-1", 0.5, 2)).isEqualTo(0.5);
  }

  @Test
  void countersSinceStartSubtractAndFitTheSplitToTheTotal() {
    CgroupCounters start =
        new CgroupCounters(
            100, 0, 0, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, 10, UNKNOWN, 0, 0, 1_000);
    CgroupCounters end =
        new CgroupCounters(
            2_000_000_100L, 1_500_000_000L, 500_000_000L, 9, 8, 6, 2, 7, 20, 5, 1, 2, 5_000);
    CgroupCounters used = end.since(start);
    assertThat(used.cpuTotalNanos()).isEqualTo(2_000_000_000L);
    // ticks said 1.5 s user + 0.5 s system = 2.0 s: already consistent, so unchanged
    assertThat(used.cpuUserNanos()).isEqualTo(1_500_000_000L);
    assertThat(used.memoryPeakBytes()).isEqualTo(7);
    assertThat(used.memoryUsageBytes()).as("a momentary figure: now, not a delta").isEqualTo(9);
    assertThat(used.ioReadBytes()).isEqualTo(10);
    assertThat(used.cpuWaitNanos()).isEqualTo(4_000);
    assertThat(used.ioWriteBytes()).as("unknown at start").isEqualTo(UNKNOWN);
    assertThat(used.oomKills()).isEqualTo(1);

    // ticks over-count (1.788 + 0.572 = 2.36 s for a 2.003 s total): keep the ratio, fit the sum
    assertThat(
            dev.optbench.harness.metrics.CpuSplit.scale(
                2_003_063_219L, 1_788_000_000L, 572_000_000L))
        .isEqualTo(1517575015L);
    assertThat(dev.optbench.harness.metrics.CpuSplit.scale(UNKNOWN, 5, 5)).isEqualTo(5);
    assertThat(dev.optbench.harness.metrics.CpuSplit.scale(10, 0, 0)).isZero();
  }
}
