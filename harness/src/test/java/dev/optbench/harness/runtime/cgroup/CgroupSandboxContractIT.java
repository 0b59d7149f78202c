package dev.optbench.harness.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.harness.host.OwnerProcess;
import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.ContainerRuntimeProvider.Availability;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxContractIT;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.testing.HostCgroups;
import dev.optbench.harness.testing.Services;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CgroupSandboxContractIT extends SandboxContractIT {

  @Override
  protected ContainerRuntime runtime() {
    CgroupRuntimeProvider provider = new CgroupRuntimeProvider();
    Availability availability = provider.availability();
    if (!availability.available()) {
      Services.missing("cgroup runtime: " + availability.reason());
    }
    return provider.create();
  }

  @Test
  void aCpusetTheKernelRefusesIsAClearErrorAndLeavesNoCgroup() {
    String runId = "refused-" + UUID.randomUUID().toString().substring(0, 8);
    SandboxLimits limits =
        new SandboxLimits("63", 64L << 20, workDir, Map.of(MetricSchema.TAG_RUN_ID, runId));
    assertThatThrownBy(() -> runtime().open(variant, limits))
        .hasMessageContaining("cpuset.cpus")
        .hasMessageContaining("63");
    String run = "optbench/" + RunCgroupName.of(runId, OwnerProcess.current());
    assertThat(HostCgroups.dirs(run)).allSatisfy(d -> assertThat(d).doesNotExist());
  }

  @Test
  void measuresWithTheHostsCgroupVersion() {
    // in the cgroup v2 VM (OPTBENCH_EXPECT_CGROUP=v2) a fallback to v1 or to rusage fails here
    assertThat(burner(Duration.ofMinutes(1), "exit", "0").usage().source())
        .isEqualTo(HostCgroups.source());
    assertThat(sandbox.target().cgroupDirs().values())
        .allSatisfy(d -> assertThat(d).startsWith(HostCgroups.ROOT));
  }

  @Override
  protected void assertNothingLeft(Sandbox closed) {
    for (Path dir : closed.target().cgroupDirs().values()) {
      assertThat(dir).doesNotExist();
      assertThat(dir.getParent()).as("the run's cgroup, now empty").doesNotExist();
    }
    assertThat(closed.target().cgroupDirs()).isNotEmpty();
    assertNoProcessOfTheVariant();
  }
}
