package dev.optbench.harness.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.cgroup.V1CgroupFs;
import dev.optbench.harness.cgroup.V2CgroupFs;
import dev.optbench.harness.host.OwnerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which run cgroups a fake tree's janitor removes: only those whose owner is gone. */
class CgroupJanitorTest {
  private static final List<String> V1 = List.of("cpuset", "cpuacct", "memory", "cpu", "blkio");

  @TempDir Path root;
  private String live;
  private String deadPid;
  private String reusedPid;

  @BeforeEach
  void names() {
    live = RunCgroupName.of("run-live", OwnerProcess.current());
    // a pid above any pid_max (2^22): no such process
    deadPid = RunCgroupName.of("run-dead", OwnerProcess.ofThisBoot(9_999_999, 12_345L));
    // this JVM's pid with another start time: the owner's pid now belongs to another process
    reusedPid =
        RunCgroupName.of("run-reused", OwnerProcess.ofThisBoot(ProcessHandle.current().pid(), 1L));
  }

  @Test
  void namesCarryTheOwnerAndReadBack() {
    OwnerProcess me = OwnerProcess.current();
    assertThat(live).startsWith("run-live@" + me.pid() + "-");
    assertThat(RunCgroupName.owner(live))
        .hasValueSatisfying(
            o -> {
              assertThat(o.pid()).isEqualTo(me.pid());
              assertThat(o.startTicks()).isEqualTo(me.startTicks()).isPositive();
            });
    assertThat(RunCgroupName.owner(live).orElseThrow().alive()).isTrue();
    assertThat(RunCgroupName.owner("run-old")).isEmpty();
    assertThat(RunCgroupName.owner("run@x-1")).isEmpty();
    assertThat(RunCgroupName.owner("run@1-99999999999999999999")).isEmpty();
    assertThat(RunCgroupName.of("r", new OwnerProcess("b", 7, ""))).isEqualTo("r");
  }

  @Test
  void namesOfOlderOptbenchCarryEpochMillisAndStillReadBack() {
    OwnerProcess me = OwnerProcess.current();
    long millis = Instant.parse(me.started()).toEpochMilli();
    OwnerProcess legacy = RunCgroupName.owner("run-old@" + me.pid() + "-" + millis).orElseThrow();
    assertThat(legacy.startTicks()).isZero();
    assertThat(legacy.started()).isEqualTo(me.started());
    assertThat(legacy.alive()).isTrue();
  }

  @Test
  void v1RemovesDeadOwnersInEveryHierarchyAndLeavesTheRest() throws IOException {
    for (String c : V1) {
      file(c + "/cgroup.procs");
      for (String run : List.of(live, deadPid, reusedPid, "run-old")) {
        file(c + "/optbench/" + run + "/O2/unit-1/cgroup.procs");
        file(c + "/optbench/" + run + "/O2/cgroup.procs");
      }
      file(c + "/other/" + deadPid + "/cgroup.procs"); // not below optbench/: not ours
    }
    file("freezer/cgroup.procs"); // a hierarchy the runtime does not use, made there by someone
    file("freezer/optbench/" + deadPid + "/cgroup.procs");

    List<String> removed = new CgroupJanitor(new V1CgroupFs(root)).removeLeftovers();

    assertThat(removed).containsExactlyInAnyOrder("optbench/" + deadPid, "optbench/" + reusedPid);
    for (String c : List.of("cpuset", "cpuacct", "memory", "cpu", "blkio", "freezer")) {
      assertThat(root.resolve(c + "/optbench/" + deadPid)).doesNotExist();
      assertThat(root.resolve(c + "/optbench/" + reusedPid)).doesNotExist();
    }
    for (String c : V1) {
      assertThat(root.resolve(c + "/optbench/" + live + "/O2/unit-1")).isDirectory();
      assertThat(root.resolve(c + "/optbench/run-old/O2/unit-1")).isDirectory();
      assertThat(root.resolve(c + "/other/" + deadPid)).isDirectory();
      assertThat(root.resolve(c + "/optbench")).isDirectory(); // a new run may be creating below
    }
  }

  @Test
  void v2RemovesDeadOwnersInTheUnifiedTree() throws IOException {
    file("cgroup.controllers");
    for (String run : List.of(live, deadPid)) {
      file("optbench/" + run + "/O2/unit-3/cgroup.procs");
    }

    List<String> removed = new CgroupJanitor(new V2CgroupFs(root)).removeLeftovers();

    assertThat(removed).containsExactly("optbench/" + deadPid);
    assertThat(root.resolve("optbench/" + deadPid)).doesNotExist();
    assertThat(root.resolve("optbench/" + live + "/O2/unit-3")).isDirectory();
  }

  @Test
  void nothingToDoWithoutAnOptbenchFolder() throws IOException {
    file("cgroup.controllers");
    assertThat(new CgroupJanitor(new V2CgroupFs(root)).removeLeftovers()).isEmpty();
  }

  private void file(String path) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "");
  }
}
