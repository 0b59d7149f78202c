package dev.optbench.harness.cgroup;

import static dev.optbench.harness.metrics.ResourceUsage.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** v2 runs only against fake trees here: the build machines' v2 hierarchy has no controllers. */
class V2CgroupFsTest {
  @TempDir Path root;
  private FakeTree tree;
  private V2CgroupFs fs;

  @BeforeEach
  void mount() {
    tree = new FakeTree(root);
    tree.file("cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n")
        .file("cgroup.subtree_control", "")
        .file("cgroup.procs", "1\n");
    fs = new V2CgroupFs(root);
  }

  @Test
  void isAvailableWhenTheControllersAreThere() {
    assertThat(fs.status().usable()).isTrue();
    assertThat(fs.source()).isEqualTo("cgroup-v2");
    tree.file("cgroup.controllers", "cpu io pids\n");
    assertThat(fs.status().usable()).isFalse();
    assertThat(fs.status().reason()).contains("[cpuset, memory]");
  }

  @Test
  void enablesControllersAndAppliesTheLimitsToTheLeaf() {
    tree.file("optbench/cgroup.controllers", "cpuset cpu io memory pids\n")
        .file("optbench/cgroup.subtree_control", "cpuset cpu memory\n")
        .file("optbench/v/memory.swap.max", "max\n");
    Cgroup v = fs.create("optbench/v", new CgroupSettings("0", 256L << 20));

    // root: all five were missing, each written on its own; the last write is what a file keeps
    assertThat(tree.read("cgroup.subtree_control")).isEqualTo("+pids");
    // optbench: cpuset, cpu, memory were enabled already, so only io and pids are added
    assertThat(tree.read("optbench/cgroup.subtree_control")).isEqualTo("+pids");
    assertThat(tree.read("optbench/v/cpuset.cpus")).isEqualTo("0");
    assertThat(tree.read("optbench/v/memory.max")).isEqualTo("268435456");
    assertThat(tree.read("optbench/v/memory.swap.max")).isEqualTo("0");
    assertThat(v.procsFiles()).containsExactly(root.resolve("optbench/v/cgroup.procs"));
    assertThat(v.dirs()).containsEntry("unified", root.resolve("optbench/v"));
  }

  @Test
  void givesEveryLevelTheTopCpuWeightAndSaysSo() {
    tree.file("optbench/cpu.weight", "100\n").file("optbench/v/cpu.weight", "100\n");
    fs.create("optbench/v", CgroupSettings.inherit());

    assertThat(tree.read("optbench/cpu.weight")).isEqualTo("10000");
    assertThat(tree.read("optbench/v/cpu.weight")).isEqualTo("10000");
    assertThat(tree.path("cpu.weight")).doesNotExist(); // the root has none
    assertThat(fs.status().reason()).contains("units get cpu.weight 10000");
  }

  @Test
  void readsTheCountersOfAUnit() {
    tree.file(
            "u/cpu.stat",
            "usage_usec 2003063\nuser_usec 1652358\nsystem_usec 350705\nnr_periods 0\n")
        .file("u/memory.peak", "269221888\n")
        .file("u/memory.events", "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\noom_group_kill 0\n")
        .file(
            "u/io.stat",
            "8:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n"
                + "8:16 rbytes=1000 wbytes=0 rios=1 wios=0 dbytes=0 dios=0\n");
    assertThat(fs.open("u").read())
        .isEqualTo(
            new CgroupCounters(
                2003063000L,
                1652358000L,
                350705000L,
                UNKNOWN,
                UNKNOWN,
                UNKNOWN,
                UNKNOWN,
                269221888L,
                5096,
                8192,
                1,
                12,
                UNKNOWN));
  }

  @Test
  void missingCountersAreUnknownNotZero() {
    tree.file("u/cpu.stat", "usage_usec 10\n");
    CgroupCounters c = fs.open("u").read();
    assertThat(c.cpuTotalNanos()).isEqualTo(10_000);
    assertThat(c.cpuUserNanos()).isEqualTo(UNKNOWN);
    assertThat(c.memoryPeakBytes()).as("memory.peak needs Linux 5.19").isEqualTo(UNKNOWN);
    assertThat(c.ioReadBytes()).isEqualTo(UNKNOWN);
    assertThat(c.oomKills()).isEqualTo(UNKNOWN);
    assertThat(c.limitHits()).isEqualTo(UNKNOWN);
  }

  @Test
  void allowedCoresFromCpusetAndCpuMax() {
    tree.file("u/cpuset.cpus.effective", "0-1,4\n").file("u/cpu.max", "max 100000\n");
    assertThat(fs.open("u").allowedCores(8)).isEqualTo(3.0);
    tree.file("u/cpu.max", "50000 100000\n");
    assertThat(fs.open("u").allowedCores(8)).isEqualTo(0.5);
  }

  @Test
  void withoutCpusetOrQuotaFilesTheHostsCoresAreAllowed() {
    tree.file("u/cgroup.procs", "");
    assertThat(fs.open("u").allowedCores(2)).isEqualTo(2.0);
  }

  @Test
  void killsThroughCgroupKillAndReturnsOnceEmpty() {
    tree.file("u/cgroup.kill", "").file("u/cgroup.procs", "");
    Cgroup u = fs.open("u");
    fs.killAll(u);
    assertThat(tree.read("u/cgroup.kill")).isEqualTo("1");
    fs.killAll(fs.open("gone")); // a removed cgroup has nothing left to kill
  }

  @Test
  void removesTheCgroupAndItsEmptyParents() {
    fs.create("optbench/r/a", CgroupSettings.inherit());
    fs.create("optbench/r/b", CgroupSettings.inherit());
    assertThat(fs.remove("optbench/r/a")).isTrue();
    assertThat(root.resolve("optbench/r/b")).exists();
    assertThat(fs.remove("optbench/r/b")).isTrue();
    assertThat(root.resolve("optbench")).doesNotExist();
    assertThat(root.resolve("cgroup.controllers")).exists();
  }
}
