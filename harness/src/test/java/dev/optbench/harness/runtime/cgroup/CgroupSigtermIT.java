package dev.optbench.harness.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.host.OwnerProcess;
import dev.optbench.harness.runtime.SandboxContractIT;
import dev.optbench.harness.testing.HostCgroups;
import dev.optbench.harness.testing.Services;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed with SIGTERM mid-unit leaves no cgroup and no process behind. */
class CgroupSigtermIT {
  @TempDir Path temp;

  @Test
  void sigtermDuringAUnitRemovesItsCgroupsAndProcesses() throws Exception {
    if (!new CgroupRuntimeProvider().availability().available()) {
      Services.missing("cgroup runtime: " + new CgroupRuntimeProvider().availability().reason());
    }
    String runId = "sigterm-" + UUID.randomUUID().toString().substring(0, 8);
    String marker = "held-" + UUID.randomUUID();
    Process child = HoldSandboxMain.start(temp, runId, marker);
    try {
      String run = "optbench/" + RunCgroupName.of(runId, OwnerProcess.of(child.toHandle()));
      HoldSandboxMain.awaitUnit(child, HostCgroups.procs(run + "/held/unit-1"), temp);
      assertThat(SandboxContractIT.processesWith(marker)).hasSizeGreaterThanOrEqualTo(2);

      child.destroy(); // SIGTERM
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(HostCgroups.dirs(run)).allSatisfy(d -> assertThat(d).doesNotExist());
      waitUntilGone(marker);
      assertThat(SandboxContractIT.processesWith(marker)).isEmpty();
    } finally {
      child.destroyForcibly();
    }
  }

  static void waitUntilGone(String marker) throws InterruptedException {
    for (int i = 0; i < 100 && !SandboxContractIT.processesWith(marker).isEmpty(); i++) {
      Thread.sleep(50);
    }
  }
}
