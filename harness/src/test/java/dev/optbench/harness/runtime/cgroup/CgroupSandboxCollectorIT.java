package dev.optbench.harness.runtime.cgroup;

import static dev.optbench.harness.metrics.MetricSchema.CPU_USAGE_TOTAL;
import static dev.optbench.harness.metrics.MetricSchema.MEMORY_MAX_USAGE;
import static dev.optbench.harness.metrics.MetricSchema.MEMORY_USAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.metrics.CollectorSession;
import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.metrics.Sample;
import dev.optbench.harness.metrics.collect.CgroupCollector;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.testing.FakeVariant;
import dev.optbench.harness.testing.RecordingSink;
import dev.optbench.harness.testing.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector sampling a cgroup sandbox's target on whatever cgroup version the host has (v1
 * here, v2 in the VM of .ci/cgroup-v2-vm.sh): the series see the unit's CPU and its memory peak.
 */
class CgroupSandboxCollectorIT {
  private static final long MIB = 1L << 20;

  @TempDir Path temp;

  @Test
  void seriesOfTheVariantCgroupShowTheUnitsCpuAndPeak() throws Exception {
    CgroupRuntimeProvider provider = new CgroupRuntimeProvider();
    if (!provider.availability().available()) {
      Services.missing("cgroup runtime: " + provider.availability().reason());
    }
    Path work = Files.createDirectories(temp.resolve("work"));
    String runId = "series-" + UUID.randomUUID().toString().substring(0, 8);
    SandboxLimits limits =
        new SandboxLimits("0", 256 * MIB, work, Map.of(MetricSchema.TAG_RUN_ID, runId));
    RecordingSink sink = new RecordingSink();
    try (Sandbox sandbox = provider.create().open(FakeVariant.create(temp, "series"), limits)) {
      CollectorSession session =
          new CgroupCollector(1)
              .attach(sandbox.target(), Duration.ofMillis(100), sink, Map.of("variant", "series"));
      session.setUnit("burn");
      var usage =
          sandbox
              .run(
                  List.of(FakeVariant.PROGRAM, "touch", "64", "cpu", "1000"), Duration.ofMinutes(1))
              .usage();
      Thread.sleep(300);
      session.close();
      assertThat(usage.succeeded()).isTrue();
    }
    List<Double> cpu = values(sink.samples(CPU_USAGE_TOTAL));
    assertThat(cpu).hasSizeGreaterThanOrEqualTo(5).isSorted();
    assertThat(cpu.get(cpu.size() - 1) - cpu.get(0)).isGreaterThan(0.9e9);
    assertThat(values(sink.samples(MEMORY_MAX_USAGE)))
        .anySatisfy(v -> assertThat(v).isGreaterThan(64.0 * MIB));
    assertThat(values(sink.samples(MEMORY_USAGE))).isNotEmpty();
    assertThat(sink.samples(CPU_USAGE_TOTAL))
        .anySatisfy(s -> assertThat(s.tags()).containsEntry("unit", "burn"));
  }

  private static List<Double> values(List<Sample> samples) {
    return samples.stream().map(Sample::value).toList();
  }
}
