package dev.optbench.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.metrics.ResourceUsage;
import org.junit.jupiter.api.Test;

class UsageTableTest {
  private static ResourceUsage usage(long totalNanos, long userNanos, long sysNanos) {
    return new ResourceUsage(
        8_000_000L,
        userNanos,
        sysNanos,
        totalNanos,
        0,
        5L << 20,
        0,
        0,
        false,
        0,
        0,
        1,
        "docker/cgroup-v1");
  }

  @Test
  void showsTheExactCpuTotalAndNoSplitUnderOneTick() {
    String row = UsageTable.row("#1", usage(5_300_000L, 0, 0));

    assertThat(UsageTable.header()).contains("cpu ms", "user ms", "sys ms");
    // wall 8.0, cpu 5.3 (exact), then the split: not "0.0 0.0", which would read as no CPU at all
    assertThat(row).containsPattern("8\\.0 +5\\.3 +<1 tick +<1 tick ");
  }

  @Test
  void showsTheSplitFromOneTickOn() {
    String row = UsageTable.row("#1", usage(250_000_000L, 234_000_000L, 16_000_000L));

    assertThat(row).contains("250.0", "234.0", "16.0").doesNotContain("tick");
  }
}
