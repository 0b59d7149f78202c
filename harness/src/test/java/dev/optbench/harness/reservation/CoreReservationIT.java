package dev.optbench.harness.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.harness.cgroup.CgroupVersion;
import dev.optbench.harness.cgroup.CpuList;
import dev.optbench.harness.cgroup.CpusetReservation;
import dev.optbench.harness.cgroup.DriverCgroup;
import dev.optbench.harness.host.OwnerProcess;
import dev.optbench.harness.testing.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A core reservation on this host's real cgroups (v1 on the host, v2 in the CI VM): a process
 * running before it is moved off the benchmark CPU and gets it back afterwards; a reservation whose
 * owner died (SIGKILL: no hook ran) is undone by the next run's janitor.
 */
class CoreReservationIT {
  @TempDir Path state;
  private Process sleeper;

  @BeforeEach
  void needsRootAndTwoCpus() throws Exception {
    Path root = CgroupVersion.DEFAULT_ROOT;
    Path hierarchy = CgroupVersion.detect(root) == CgroupVersion.V2 ? root : root.resolve("cpuset");
    if (!Files.isWritable(hierarchy.resolve("cgroup.procs"))) {
      Services.missing("a writable cpuset hierarchy at " + hierarchy + " (run as root)");
    }
    if (Runtime.getRuntime().availableProcessors() < 2) {
      Services.missing("two CPUs (one to reserve, one for the rest)");
    }
    sleeper = new ProcessBuilder("sleep", "300").start();
  }

  @AfterEach
  void stopSleeper() {
    sleeper.destroyForcibly();
  }

  private static String allowed(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("Cpus_allowed_list:")) {
        return line.substring(line.indexOf(':') + 1).strip();
      }
    }
    throw new AssertionError("no Cpus_allowed_list for " + pid);
  }

  @Test
  void otherProcessesLeaveTheBenchmarkCpuAndComeBack() throws Exception {
    String before = allowed(sleeper.pid());
    assertThat(CpuList.parse(before).get(0)).as("the sleeper may use CPU 0 to begin with").isTrue();
    String ownCgroups = Files.readString(Path.of("/proc/self/cgroup"));
    try (CoreReservation r = CoreReservation.reserve("0", state)) {
      assertThat(Files.readString(Path.of("/proc/self/cgroup")))
          .as("this JVM drives the run: at the top weight beside the moved host work")
          .contains("/" + DriverCgroup.NAME);
      assertThat(r.describe()).contains(DriverCgroup.NAME);
      assertThat(r.state().moved()).isPositive();
      assertThat(CpuList.parse(allowed(sleeper.pid())).get(0))
          .as("a process of the host, moved off CPU 0")
          .isFalse();
      assertThat(CpuList.parse(allowed(ProcessHandle.current().pid())).get(0))
          .as("this JVM too: only the units' sandboxes keep CPU 0")
          .isFalse();
      assertThat(state.resolve("cores.json")).isRegularFile();
      assertThat(r.describe()).contains("moved off CPU 0", "processes moved");
    }
    assertThat(allowed(sleeper.pid())).as("back where it was").isEqualTo(before);
    assertThat(Files.readString(Path.of("/proc/self/cgroup"))).isEqualTo(ownCgroups);
    assertThat(state.resolve("cores.json")).doesNotExist();
  }

  @Test
  void theNextRunUndoesTheReservationOfARunThatWasKilled() throws Exception {
    String before = allowed(sleeper.pid());
    // What a SIGKILLed run leaves: the processes moved and the record, its owner gone.
    CpusetReservation.State s =
        CpusetReservation.reserve(
            CgroupVersion.DEFAULT_ROOT, "0", CoreReservation.GROUP, n -> n.startsWith("optbench"));
    Process gone = new ProcessBuilder("true").start();
    OwnerProcess dead = OwnerProcess.of(gone.toHandle());
    gone.waitFor(10, TimeUnit.SECONDS);
    Files.write(
        state.resolve("cores.json"),
        new ObjectMapper().writeValueAsBytes(new CoreReservation.Record(dead, s)));
    assertThat(CpuList.parse(allowed(sleeper.pid())).get(0)).isFalse();

    assertThat(CoreReservation.restoreAfterDeadOwner(state))
        .hasValueSatisfying(said -> assertThat(said).contains("dead run"));
    assertThat(allowed(sleeper.pid())).isEqualTo(before);
    assertThat(state.resolve("cores.json")).doesNotExist();
    assertThat(CoreReservation.restoreAfterDeadOwner(state)).as("nothing left to undo").isEmpty();
  }
}
