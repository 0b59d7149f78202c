package dev.optbench.harness.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.ContainerRuntimeProvider.Availability;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxContractIT;
import dev.optbench.harness.testing.Services;
import java.nio.file.Files;
import java.nio.file.Path;

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
