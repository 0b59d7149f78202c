package dev.optbench.harness.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.runtime.SandboxContractIT;
import dev.optbench.harness.testing.FakeVariant;
import dev.optbench.harness.testing.HostCgroups;
import dev.optbench.harness.testing.Services;
import java.nio.file.Files;
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
    FakeVariant.create(temp.resolve("warm"), "warm"); // compile outside the child's clock
    String runId = "sigterm-" + UUID.randomUUID().toString().substring(0, 8);
    String marker = "held-" + UUID.randomUUID();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                classpath,
                HoldSandboxMain.class.getName(),
                temp.toString(),
                runId,
                marker)
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("child.log").toFile())
            .start();
    try {
      Path unitProcs = HostCgroups.procs("optbench/" + runId + "/held/unit-1");
      // generous: a JVM start takes over 60 s in the TCG VM of .ci/cgroup-v2-vm.sh on a loaded host
      long deadline = System.currentTimeMillis() + 180_000;
      while (!(Files.exists(unitProcs) && Files.readString(unitProcs).lines().count() >= 2)) {
        assertThat(child.isAlive()).as(Files.readString(temp.resolve("child.log"))).isTrue();
        assertThat(System.currentTimeMillis()).as("unit did not start").isLessThan(deadline);
        Thread.sleep(50);
      }
      assertThat(SandboxContractIT.processesWith(marker)).hasSizeGreaterThanOrEqualTo(2);

      child.destroy(); // SIGTERM
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(HostCgroups.dirs("optbench/" + runId))
          .allSatisfy(d -> assertThat(d).doesNotExist());
      waitUntilGone(marker);
      assertThat(SandboxContractIT.processesWith(marker)).isEmpty();
    } finally {
      child.destroyForcibly();
    }
  }

  private static void waitUntilGone(String marker) throws InterruptedException {
    for (int i = 0; i < 100 && !SandboxContractIT.processesWith(marker).isEmpty(); i++) {
      Thread.sleep(50);
    }
  }
}
