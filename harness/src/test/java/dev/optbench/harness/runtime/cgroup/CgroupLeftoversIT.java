package dev.optbench.harness.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.cgroup.CgroupVersion;
import dev.optbench.harness.host.OwnerProcess;
import dev.optbench.harness.runtime.SandboxContractIT;
import dev.optbench.harness.testing.HostCgroups;
import dev.optbench.harness.testing.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM SIGKILLed mid-unit (no shutdown hook runs) leaves its run's cgroups and the unit's
 * processes; the next run's {@code removeLeftovers} removes both (issue 11). Asserts only about
 * this test's own run: other runs on the machine may be measuring right now.
 */
class CgroupLeftoversIT {
  @TempDir Path temp;

  @Test
  void theCgroupsAndProcessesOfASigkilledRunAreRemovedByTheNext() throws Exception {
    CgroupRuntimeProvider provider = new CgroupRuntimeProvider();
    if (!provider.availability().available()) {
      Services.missing("cgroup runtime: " + provider.availability().reason());
    }
    String runId = "sigkill-" + UUID.randomUUID().toString().substring(0, 8);
    String marker = "held-" + UUID.randomUUID();
    Process child = HoldSandboxMain.start(temp, runId, marker);
    String folder = RunCgroupName.of(runId, OwnerProcess.of(child.toHandle()));
    List<Long> unitPids;
    try {
      Path unitProcs = HostCgroups.procs("optbench/" + folder + "/held/unit-1");
      HoldSandboxMain.awaitUnit(child, unitProcs, temp);
      unitPids = Files.readString(unitProcs).lines().map(Long::valueOf).toList();

      child.destroyForcibly(); // SIGKILL
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(runFolders(folder)).as("the kill left its cgroups").isNotEmpty();
    assertThat(SandboxContractIT.processesWith(marker)).as("and its unit").isNotEmpty();

    List<String> removed = provider.create().removeLeftovers();

    assertThat(removed).anyMatch(r -> r.startsWith("optbench/" + folder + " ("));
    assertThat(runFolders(folder)).as("in any hierarchy").isEmpty();
    CgroupSigtermIT.waitUntilGone(marker);
    assertThat(SandboxContractIT.processesWith(marker)).isEmpty();
    for (int i = 0; i < 100 && unitPids.stream().anyMatch(CgroupLeftoversIT::alive); i++) {
      Thread.sleep(50); // killed, maybe not yet reaped by init
    }
    assertThat(unitPids).noneMatch(CgroupLeftoversIT::alive);
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent();
  }

  /** {@code optbench/<folder>} in every hierarchy: v1 each one at the root, v2 the root itself. */
  private static List<Path> runFolders(String folder) throws Exception {
    List<Path> hierarchies;
    if (HostCgroups.version() == CgroupVersion.V2) {
      hierarchies = List.of(HostCgroups.ROOT);
    } else {
      try (Stream<Path> mounted = Files.list(HostCgroups.ROOT)) {
        hierarchies = mounted.toList();
      }
    }
    return hierarchies.stream()
        .map(h -> h.resolve("optbench").resolve(folder))
        .filter(Files::isDirectory)
        .toList();
  }
}
