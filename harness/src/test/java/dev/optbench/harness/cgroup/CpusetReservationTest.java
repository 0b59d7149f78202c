package dev.optbench.harness.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order and bookkeeping of a core reservation on a fake v1 cpuset tree (files in a temp folder,
 * so no process moves: {@code CoreReservationIT} moves real ones): which groups narrow, which are
 * left, and that release gives every group its CPUs back.
 */
class CpusetReservationTest {
  @TempDir Path root;

  private Path group(String path, String cpus) throws IOException {
    Path dir = Files.createDirectories(root.resolve("cpuset").resolve(path));
    Files.writeString(dir.resolve("cpuset.cpus"), cpus);
    Files.writeString(dir.resolve("cgroup.procs"), "");
    return dir;
  }

  private String cpus(String path) throws IOException {
    return Files.readString(root.resolve("cpuset").resolve(path).resolve("cpuset.cpus")).strip();
  }

  @Test
  void narrowsOtherGroupsDeepestFirstLeavesOursAndGivesEverythingBack() throws IOException {
    Files.createDirectories(root.resolve("memory"));
    Path top = group("", "0-3");
    Files.writeString(top.resolve("cpuset.mems"), "0");
    group("docker", "0-3");
    group("docker/abc", "0-1");
    group("system", "0");
    group("optbench", "0");
    group("quiet", "2-3");
    group("empty", "");

    CpusetReservation.State s =
        CpusetReservation.reserve(root, "0", "optbench-others", n -> n.startsWith("optbench"));

    assertThat(s.version()).isEqualTo("v1");
    assertThat(s.otherCpus()).isEqualTo("1-3");
    assertThat(cpus("optbench-others")).isEqualTo("1-3");
    assertThat(cpus("docker")).isEqualTo("1-3");
    assertThat(cpus("docker/abc")).isEqualTo("1");
    assertThat(cpus("optbench")).as("the sandboxes' own").isEqualTo("0");
    assertThat(cpus("quiet")).as("never on CPU 0").isEqualTo("2-3");
    assertThat(cpus("system")).as("only benchmark CPUs: kept").isEqualTo("0");
    assertThat(cpus("empty")).as("v1: a group without CPUs stays without").isEmpty();
    assertThat(s.kept()).containsExactly("system");
    // the child first: v1 refuses a parent narrower than its child
    assertThat(s.shrunk())
        .containsExactly(
            new CpusetReservation.Shrunk("docker/abc", "0-1"),
            new CpusetReservation.Shrunk("docker", "0-3"));

    // a fake tree cannot hold a folder with files for rmdir; the kernel removes them itself
    Files.delete(root.resolve("cpuset/optbench-others/cpuset.cpus"));
    Files.delete(root.resolve("cpuset/optbench-others/cpuset.mems"));
    Files.writeString(root.resolve("cpuset/optbench-others/cgroup.procs"), "");
    Files.delete(root.resolve("cpuset/optbench-others/cgroup.procs"));
    assertThat(CpusetReservation.release(s)).isEmpty();
    assertThat(cpus("docker")).isEqualTo("0-3");
    assertThat(cpus("docker/abc")).isEqualTo("0-1");
    assertThat(root.resolve("cpuset/optbench-others")).doesNotExist();
  }

  @Test
  void aBenchmarkCpusetThatTakesEveryCpuLeavesNothingToMoveTo() throws IOException {
    Files.createDirectories(root.resolve("memory"));
    Path top = group("", "0-1");
    Files.writeString(top.resolve("cpuset.mems"), "0");
    assertThatThrownBy(() -> CpusetReservation.reserve(root, "0-1", "g", n -> false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes every CPU (0-1)");
    assertThat(root.resolve("cpuset/g")).doesNotExist();
  }

  @Test
  void cpuListsFormatAsTheKernelWritesThem() {
    assertThat(CpuList.format(CpuList.parse("0-3,5,7-8"))).isEqualTo("0-3,5,7-8");
    assertThat(CpuList.format(CpuList.parse("1"))).isEqualTo("1");
    assertThat(CpuList.format(CpuList.parse(""))).isEmpty();
  }
}
