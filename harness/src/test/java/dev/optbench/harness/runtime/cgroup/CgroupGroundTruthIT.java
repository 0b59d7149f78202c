package dev.optbench.harness.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.Execution;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxContractIT;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.testing.FakeVariant;
import dev.optbench.harness.testing.HostCgroups;
import dev.optbench.harness.testing.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cgroup runtime's totals against workloads whose cost is known exactly. */
class CgroupGroundTruthIT {
  private static final long MIB = 1L << 20;
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @TempDir Path temp;
  private Sandbox sandbox;

  @BeforeEach
  void open() throws Exception {
    CgroupRuntimeProvider provider = new CgroupRuntimeProvider();
    if (!provider.availability().available()) {
      Services.missing("cgroup runtime: " + provider.availability().reason());
    }
    VariantRef variant = FakeVariant.create(temp, "truth");
    Path work = Files.createDirectories(temp.resolve("work"));
    String runId = "truth-" + UUID.randomUUID().toString().substring(0, 8);
    SandboxLimits limits =
        new SandboxLimits("0", 512 * MIB, work, Map.of(MetricSchema.TAG_RUN_ID, runId));
    sandbox = provider.create().open(variant, limits);
  }

  @AfterEach
  void close() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private ResourceUsage run(String... args) {
    List<String> argv = new ArrayList<>(List.of(FakeVariant.PROGRAM));
    argv.addAll(Arrays.asList(args));
    Execution e = sandbox.run(argv, MINUTE);
    System.out.printf("%s -> %s%n", argv, e.usage());
    return e.usage();
  }

  @Test
  void peakOfA256MibWorkloadIsWithinAFewPercentAboveIt() {
    ResourceUsage u = run("touch", "256");
    assertThat(u.succeeded()).isTrue();
    assertThat(u.memoryPeakBytes()).isBetween(256 * MIB, 256 * MIB * 103 / 100);
    assertThat(u.source()).isEqualTo(HostCgroups.source());
    assertThat(u.allowedCores()).isEqualTo(1.0); // cpuset "0"
  }

  @Test
  void cpuOfATwoSecondBurnIsWithinTwoPercent() {
    // The burner counts its own CPU from main() on; the cgroup also counts the exec and exit of
    // the unit's processes, which the same unit without the burn measures (~3 ms natively, ~55
    // ms in the TCG VM of .ci/cgroup-v2-vm.sh, whose CPU is ~35x slower, 125 ms there when the
    // host was overloaded).
    long start = run("exit", "0").cpuTotalNanos();
    assertThat(start).isBetween(0L, 250_000_000L);
    ResourceUsage u = run("cpu", "2000");
    assertThat(u.cpuTotalNanos() - start).isBetween(1_960_000_000L, 2_040_000_000L);
    assertThat(u.cpuUserNanos() + u.cpuSystemNanos())
        .isBetween(u.cpuTotalNanos() * 95 / 100, u.cpuTotalNanos() * 105 / 100);
    assertThat(u.wallNanos()).isGreaterThanOrEqualTo(u.cpuTotalNanos() * 98 / 100);
  }

  @Test
  void directBlockIoIsCounted() throws Exception {
    // on the disk, not tmpfs: target/ of this module
    Path file = Files.createTempFile(Path.of("target").toAbsolutePath(), "io", ".bin");
    try {
      ResourceUsage u = run("dwrite", "32", file.toString(), "dread", file.toString());
      assertThat(u.succeeded()).isTrue();
      assertThat(u.ioWriteBytes()).isBetween(32 * MIB, 33 * MIB);
      assertThat(u.ioReadBytes()).isBetween(32 * MIB, 33 * MIB);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void aShortMemorySpikeIsInThePeak() {
    ResourceUsage u = run("sleep", "900", "spike", "300", "150", "sleep", "900");
    assertThat(u.wallNanos()).isGreaterThan(1_900_000_000L);
    assertThat(u.memoryPeakBytes()).isBetween(300 * MIB, 300 * MIB * 103 / 100);
  }

  @Test
  void aUnitOverItsLimitIsOomKilledAndTheNextOneRunsFine() {
    ResourceUsage killed = run("touch", "700");
    assertThat(killed.oomKilled()).isTrue();
    assertThat(killed.signal()).isEqualTo(9);
    assertThat(killed.succeeded()).isFalse();
    assertThat(killed.memoryPeakBytes()).isBetween(500 * MIB, 512 * MIB);

    ResourceUsage next = run("touch", "64");
    assertThat(next.succeeded()).isTrue();
    assertThat(next.oomKilled()).isFalse();
    assertThat(next.memoryPeakBytes()).isBetween(64 * MIB, 70 * MIB);
  }

  @Test
  void processesAUnitLeavesBehindAreKilledWithIt() {
    String marker = "orphan-" + UUID.randomUUID();
    Execution e =
        sandbox.run(List.of(FakeVariant.PROGRAM, "orphan", "60000", "echo", marker), MINUTE);
    assertThat(e.usage().succeeded()).isTrue();
    assertThat(SandboxContractIT.processesWith(marker)).isEmpty();
  }
}
