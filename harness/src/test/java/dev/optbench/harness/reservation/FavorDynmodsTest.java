package dev.optbench.harness.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.harness.host.OwnerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remount's decisions on recorded mountinfo lines, with {@code mount} recorded instead of run:
 * the mount's own options are given back exactly, nothing is touched when the option is on already
 * or there is no cgroup2 mount, a refusal leaves no record, a dead run's change is undone.
 */
class FavorDynmodsTest {
  /** A v1 host with the hybrid cgroup2 mount (this Debian VM). */
  static final String HYBRID =
      "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw";

  /** A systemd v2 host: options a narrower remount would drop. */
  static final String SYSTEMD_V2 =
      "35 24 0:30 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2"
          + " rw,nsdelegate,memory_recursiveprot";

  static final String V1_CPU = "32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu";

  @TempDir Path state;
  private final List<List<String>> mounts = new ArrayList<>();

  private Optional<String> record(List<String> argv) {
    mounts.add(argv);
    return Optional.empty();
  }

  @Test
  void setsTheOptionForTheRunAndGivesBackExactlyTheOptionsBefore() {
    FavorDynmods held = FavorDynmods.hold(List.of(V1_CPU, SYSTEMD_V2), state, this::record);
    assertThat(held.changed()).isTrue();
    assertThat(held.describe()).contains("/sys/fs/cgroup remounted with favordynmods");
    assertThat(state.resolve(FavorDynmods.FILE)).as("the record, for a kill").exists();
    assertThat(mounts)
        .containsExactly(
            List.of(
                "mount",
                "--options-mode=replace",
                "--options-source=disable",
                "-o",
                "remount,rw,nsdelegate,memory_recursiveprot,favordynmods",
                "/sys/fs/cgroup"));
    held.close();
    held.close();
    assertThat(mounts).hasSize(2);
    assertThat(mounts.get(1)).contains("remount,rw,nsdelegate,memory_recursiveprot");
    assertThat(state.resolve(FavorDynmods.FILE)).doesNotExist();
  }

  @Test
  void leavesTheHostAloneWhenTheOptionIsOnOrThereIsNoCgroup2() {
    FavorDynmods on = FavorDynmods.hold(List.of(SYSTEMD_V2 + ",favordynmods"), state, this::record);
    assertThat(on.changed()).isFalse();
    assertThat(on.describe()).contains("fast", "mounted with favordynmods");
    FavorDynmods v1Only = FavorDynmods.hold(List.of(V1_CPU), state, this::record);
    assertThat(v1Only.describe()).contains("no cgroup2 mount", "v1-only host");
    on.close();
    v1Only.close();
    assertThat(mounts).isEmpty();
    assertThat(state.resolve(FavorDynmods.FILE)).doesNotExist();
  }

  @Test
  void aRefusedRemountIsSaidAndLeavesNoRecord() {
    FavorDynmods refused =
        FavorDynmods.hold(
            List.of(HYBRID),
            state,
            argv -> Optional.of("mount: /sys/fs/cgroup/unified: permission denied."));
    assertThat(refused.changed()).isFalse();
    assertThat(refused.describe()).contains("was refused: mount:", "permission denied");
    assertThat(state.resolve(FavorDynmods.FILE)).doesNotExist();
  }

  @Test
  void aDeadRunsChangeIsUndoneAndALiveRunsIsLeftAlone() throws Exception {
    ObjectMapper json = new ObjectMapper();
    OwnerProcess dead = new OwnerProcess("an-earlier-boot", 4711, "");
    Files.write(
        state.resolve(FavorDynmods.FILE),
        json.writeValueAsBytes(new FavorDynmods.Record(dead, "/sys/fs/cgroup/unified", "rw")));
    FavorDynmods held = FavorDynmods.hold(List.of(HYBRID + ",favordynmods"), state, this::record);
    assertThat(mounts).as("the dead run's remount undone first").hasSize(1);
    assertThat(mounts.get(0)).contains("remount,rw", "/sys/fs/cgroup/unified");
    assertThat(held.changed()).as("what the host then has is not this run's to change").isFalse();

    mounts.clear();
    Files.write(
        state.resolve(FavorDynmods.FILE),
        json.writeValueAsBytes(
            new FavorDynmods.Record(OwnerProcess.current(), "/sys/fs/cgroup/unified", "rw")));
    FavorDynmods second = FavorDynmods.hold(List.of(HYBRID), state, this::record);
    assertThat(second.changed()).isFalse();
    assertThat(second.describe()).contains("another run, pid " + ProcessHandle.current().pid());
    assertThat(mounts).isEmpty();
    assertThat(FavorDynmods.restoreAfterDeadOwner(state, List.of(HYBRID), this::record)).isEmpty();
  }
}
