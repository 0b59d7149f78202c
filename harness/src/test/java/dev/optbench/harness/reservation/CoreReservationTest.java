package dev.optbench.harness.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.harness.cgroup.CpusetReservation;
import dev.optbench.harness.host.OwnerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record's reading only; moving processes is CoreReservationIT's, on the real cgroups. */
class CoreReservationTest {
  @TempDir Path state;

  @Test
  void aLiveOwnersRecordNamesItsHolderAndADeadOnesDoesNot() throws Exception {
    assertThat(CoreReservation.liveHolder(state)).as("no record").isEmpty();

    OwnerProcess me = OwnerProcess.current();
    write(me);
    assertThat(CoreReservation.liveHolder(state))
        .hasValue("pid " + me.pid() + " (" + state.resolve("cores.json") + ")");

    Process gone = new ProcessBuilder("true").start();
    OwnerProcess dead = OwnerProcess.of(gone.toHandle());
    gone.waitFor(10, TimeUnit.SECONDS);
    write(dead);
    assertThat(CoreReservation.liveHolder(state)).as("a dead owner's record").isEmpty();
  }

  private void write(OwnerProcess owner) throws Exception {
    CpusetReservation.State nothingMoved =
        new CpusetReservation.State(
            "v1", "/sys/fs/cgroup/cpuset", "optbench-others", "0", "", 0, 0, List.of(), List.of());
    Files.write(
        state.resolve("cores.json"),
        new ObjectMapper().writeValueAsBytes(new CoreReservation.Record(owner, nothingMoved)));
  }
}
