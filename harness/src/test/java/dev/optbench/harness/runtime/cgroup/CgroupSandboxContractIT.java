package dev.optbench.harness.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.harness.cgroup.CgroupVersion;
import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.ContainerRuntimeProvider.Availability;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxContractIT;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.testing.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    for (String hierarchy : List.of("memory", "cpuset", "cpuacct", "blkio")) {
      assertThat(CgroupVersion.DEFAULT_ROOT.resolve(hierarchy + "/optbench/" + runId))
          .doesNotExist();
    }
  }

  @Override
  protected void assertNothingLeft(Sandbox closed) {
    for (Path dir : closed.target().cgroupDirs().values()) {
      assertThat(dir).doesNotExist();
      assertThat(dir.getParent()).as("the run's cgroup, now empty").doesNotExist();
    }
    assertNoProcessOfTheVariant();
    assertThat(Files.exists(closed.target().cgroupDirs().get("memory"))).isFalse();
  }
}
