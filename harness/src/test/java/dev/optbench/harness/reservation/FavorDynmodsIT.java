package dev.optbench.harness.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.harness.cgroup.CgroupLocator;
import dev.optbench.harness.host.OwnerProcess;
import dev.optbench.harness.testing.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remount on this machine's real cgroup2 mount (the hybrid one on the v1 host, the only one in
 * the CI's v2 VM): the kernel shows the option while held and the mount's exact options after; a
 * dead run's remount is put back by the next run.
 */
class FavorDynmodsIT {
  @TempDir Path state;
  private CgroupLocator.Cgroup2Mount before;

  private static Optional<CgroupLocator.Cgroup2Mount> now() throws Exception {
    return CgroupLocator.cgroup2Mount(Files.readAllLines(Path.of("/proc/self/mountinfo")));
  }

  @BeforeEach
  void needsRootAndACgroup2MountWithoutTheOption() throws Exception {
    Optional<CgroupLocator.Cgroup2Mount> m = now();
    if (m.isEmpty() || !Files.isWritable(Path.of(m.get().mountPoint(), "cgroup.procs"))) {
      Services.missing("a cgroup2 mount this process may remount (root)");
    }
    before = m.get();
    if (before.options().contains(FavorDynmods.OPTION)) {
      Services.missing("a cgroup2 mount without favordynmods (it is on already here)");
    }
  }

  @Test
  void theKernelHasTheOptionWhileHeldAndTheMountsOwnOptionsAfter() throws Exception {
    try (FavorDynmods held = FavorDynmods.hold(state)) {
      assertThat(held.changed()).as(held.describe()).isTrue();
      assertThat(now().orElseThrow().options()).contains(FavorDynmods.OPTION);
    }
    assertThat(now().orElseThrow()).isEqualTo(before);
    assertThat(state.resolve(FavorDynmods.FILE)).doesNotExist();
  }

  @Test
  void aKilledRunsRemountIsPutBackByTheNext() throws Exception {
    // what a run killed with SIGKILL leaves: the option on, its record, no hook run
    Process mount =
        new ProcessBuilder(
                FavorDynmods.remount(before.mountPoint(), before.superOptions() + ",favordynmods"))
            .inheritIO()
            .start();
    assertThat(mount.waitFor()).isZero();
    Files.write(
        state.resolve(FavorDynmods.FILE),
        new ObjectMapper()
            .writeValueAsBytes(
                new FavorDynmods.Record(
                    new OwnerProcess("an-earlier-boot", 4711, ""),
                    before.mountPoint(),
                    before.superOptions())));
    assertThat(now().orElseThrow().options()).contains(FavorDynmods.OPTION);

    assertThat(FavorDynmods.restoreAfterDeadOwner(state)).get().asString().contains("dead run");
    assertThat(now().orElseThrow()).isEqualTo(before);
    assertThat(state.resolve(FavorDynmods.FILE)).doesNotExist();
  }
}
