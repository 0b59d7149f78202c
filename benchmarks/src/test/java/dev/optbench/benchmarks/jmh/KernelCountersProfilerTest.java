package dev.optbench.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.metrics.ResourceUsage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.ScalarResult;

class KernelCountersProfilerTest {
  private static Map<String, ScalarResult> byLabel(ResourceUsage u) {
    return KernelCountersProfiler.results(u).stream()
        .collect(Collectors.toMap(ScalarResult::getLabel, x -> x));
  }

  @Test
  void everyUnitMetricWithItsUnitAndTheRightScale() {
    // 2 s wall, 1.5 s CPU on 2 allowed cores, 64 MiB peak, 1 MiB read, OOM-killed.
    ResourceUsage u =
        new ResourceUsage(
            2_000_000_000L,
            1_000_000_000L,
            500_000_000L,
            1_500_000_000L,
            250_000_000L,
            64L << 20,
            1 << 20,
            0,
            true,
            -1,
            9,
            2.0,
            "cgroup-v1");
    Map<String, ScalarResult> r = byLabel(u);
    assertThat(r.keySet())
        .containsExactlyInAnyOrder(
            List.of(UnitMetric.values()).stream().map(UnitMetric::label).toArray(String[]::new));
    assertThat(r.get("wall").getScore()).isEqualTo(2000.0);
    assertThat(r.get("wall").getScoreUnit()).isEqualTo("ms");
    assertThat(r.get("cpu.total").getScore()).isEqualTo(1500.0);
    assertThat(r.get("cpu.user").getScore()).isEqualTo(1000.0);
    assertThat(r.get("cpu.wait").getScore()).isEqualTo(250.0);
    assertThat(r.get("cpu.wait").getScoreUnit()).isEqualTo("ms");
    assertThat(r.get("cpu.percent").getScore()).isEqualTo(37.5); // 1.5 / (2 x 2 cores)
    assertThat(r.get("mem.peak").getScore()).isEqualTo(64.0);
    assertThat(r.get("mem.peak").getScoreUnit()).isEqualTo("MiB");
    assertThat(r.get("io.read").getScore()).isEqualTo(1.0);
    assertThat(r.get("oom").getScore()).isEqualTo(1.0);
    assertThat(r.get("failed").getScore()).isEqualTo(1.0);
  }

  @Test
  void unreadableCountersAreNaNNeverZero() {
    ResourceUsage u =
        new ResourceUsage(
            1_000_000,
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
    Map<String, ScalarResult> r = byLabel(u);
    assertThat(r.get("mem.peak").getScore()).isNaN();
    assertThat(r.get("cpu.wait").getScore()).isNaN();
    assertThat(r.get("io.write").getScore()).isNaN();
    assertThat(r.get("failed").getScore()).isZero();
  }

  @Test
  void aUnitsTotalsAreHandedOverOnce() {
    ResourceUsage u = new ResourceUsage(1, 1, 0, 1, 0, 1, 0, 0, false, 0, 0, 1, "x");
    LastUnit.record(u);
    assertThat(LastUnit.take()).contains(u);
    assertThat(LastUnit.take()).isEmpty();
  }
}
