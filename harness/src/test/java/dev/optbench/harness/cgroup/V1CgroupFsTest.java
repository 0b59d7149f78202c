package dev.optbench.harness.cgroup;

import static dev.optbench.harness.metrics.ResourceUsage.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class V1CgroupFsTest {
  @TempDir Path root;
  private FakeTree tree;
  private V1CgroupFs fs;

  @BeforeEach
  void mountControllers() {
    tree = new FakeTree(root);
    for (String c : new String[] {"cpuset", "cpuacct", "memory", "cpu", "blkio"}) {
      tree.file(c + "/cgroup.procs", "1\n");
    }
    tree.file("cpuset/cpuset.cpus", "0-1\n").file("cpuset/cpuset.mems", "0\n");
    tree.file("block/vda/dev", "254:0\n").file("block/loop0/dev", "7:0\n");
    fs = new V1CgroupFs(root, root.resolve("block"));
  }

  @Test
  void isAvailableWithCpusetCpuacctAndMemory() {
    assertThat(fs.status().usable()).isTrue();
    assertThat(fs.source()).isEqualTo("cgroup-v1");
  }

  @Test
  void givesEveryLevelTheTopCpuSharesAndSaysSo() {
    for (String dir : new String[] {"cpu/optbench", "cpu/optbench/r", "cpu/optbench/r/v"}) {
      tree.file(dir + "/cpu.shares", "1024\n"); // the kernel makes it with each cgroup
    }
    fs.create("optbench/r/v", CgroupSettings.inherit());

    // a weight counts only against siblings: optbench/ must outweigh the host's other work
    assertThat(tree.read("cpu/optbench/cpu.shares")).isEqualTo("262144");
    assertThat(tree.read("cpu/optbench/r/cpu.shares")).isEqualTo("262144");
    assertThat(tree.read("cpu/optbench/r/v/cpu.shares")).isEqualTo("262144");
    assertThat(fs.status().reason()).contains("units get cpu.shares 262144");
  }

  @Test
  void withoutTheCpuControllerUnitsStillRunAtTheDefaultWeight() {
    FakeTree bare = new FakeTree(root.resolve("other"));
    for (String c : new String[] {"cpuset", "cpuacct", "memory"}) {
      bare.file(c + "/cgroup.procs", "");
    }
    bare.file("cpuset/cpuset.cpus", "0\n").file("cpuset/cpuset.mems", "0\n");
    V1CgroupFs noCpu = new V1CgroupFs(root.resolve("other"), root.resolve("block"));

    assertThat(noCpu.create("optbench/v", CgroupSettings.inherit()).dirs())
        .doesNotContainKey("cpu");
    assertThat(noCpu.status().reason()).contains("no cpu controller: units run at the default");
  }

  @Test
  void aCpuSharesFileTheKernelDidNotMakeIsSkippedNotFatal() {
    fs.create("optbench/r/v", CgroupSettings.inherit()); // the fake tree has no cpu.shares

    assertThat(tree.path("cpu/optbench/r/v")).isDirectory();
    assertThat(tree.path("cpu/optbench/r/v/cpu.shares")).doesNotExist();
  }

  @Test
  void saysWhichControllerIsMissing() {
    FakeTree bare = new FakeTree(root.resolve("other"));
    bare.file("memory/cgroup.procs", "").file("cpuacct/cgroup.procs", "");
    var availability = new V1CgroupFs(root.resolve("other")).status();
    assertThat(availability.usable()).isFalse();
    assertThat(availability.reason()).contains("'cpuset' is not mounted").contains("process");
  }

  @Test
  void createsEveryLevelWithTheParentsCpusetThenAppliesTheLimits() {
    tree.file("memory/optbench/r/v/memory.memsw.limit_in_bytes", "9223372036854771712\n");
    Cgroup unit = fs.create("optbench/r/v", new CgroupSettings("1", 256L << 20));

    assertThat(tree.read("cpuset/optbench/cpuset.cpus")).isEqualTo("0-1");
    assertThat(tree.read("cpuset/optbench/r/cpuset.mems")).isEqualTo("0");
    assertThat(tree.read("cpuset/optbench/r/v/cpuset.cpus")).isEqualTo("1");
    assertThat(tree.read("memory/optbench/r/v/memory.limit_in_bytes")).isEqualTo("268435456");
    assertThat(tree.read("memory/optbench/r/v/memory.memsw.limit_in_bytes")).isEqualTo("268435456");
    // a rule per device that never throttles, or the kernel counts no block I/O at all
    assertThat(tree.read("blkio/optbench/r/v/blkio.throttle.read_bps_device"))
        .isIn("254:0 1099511627776", "7:0 1099511627776");
    assertThat(V1IoAccounting.devices(root.resolve("block"))).containsExactly("254:0", "7:0");
    assertThat(unit.procsFiles()).hasSize(5).allMatch(p -> p.endsWith("cgroup.procs"));
    assertThat(unit.dirs()).containsEntry("memory", root.resolve("memory/optbench/r/v"));
  }

  @Test
  void readsTheCountersOfAUnit() {
    tree.file("cpuacct/u/cpuacct.usage", "2003063219\n")
        .file("cpuacct/u/cpuacct.usage_user", "1788000000\n")
        .file("cpuacct/u/cpuacct.usage_sys", "572000000\n")
        // kernels with schedstats on: the group's wait behind other groups, ns
        .file(
            "cpu/u/cpu.stat", "nr_periods 0\nnr_throttled 0\nthrottled_time 0\nwait_sum 1234567\n")
        .file("memory/u/memory.usage_in_bytes", "1048576\n")
        .file("memory/u/memory.max_usage_in_bytes", "269221888\n")
        .file("memory/u/memory.failcnt", "3\n")
        .file("memory/u/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n")
        .file(
            "blkio/u/blkio.throttle.io_service_bytes",
            "8:0 Read 4096\n8:0 Write 8192\n8:0 Sync 12288\n8:0 Async 0\n8:0 Total 12288\n"
                + "8:16 Read 1000\n8:16 Write 0\nTotal 13288\n");
    CgroupCounters c = fs.open("u").read();
    assertThat(c)
        .isEqualTo(
            new CgroupCounters(
                2003063219L,
                1788000000L,
                572000000L,
                1048576L,
                CgroupCounters.workingSet(1048576L, UNKNOWN),
                UNKNOWN,
                UNKNOWN,
                269221888L,
                5096,
                8192,
                1,
                3,
                1234567L));
  }

  @Test
  void missingCountersAreUnknownNotZero() throws Exception {
    tree.file("cpuacct/u/cpuacct.usage", "5\n")
        .file("memory/u/memory.oom_control", "under_oom 0")
        .file("memory/u/memory.usage_in_bytes", "0\n"); // every memory cgroup has it
    java.nio.file.Files.createDirectories(tree.path("blkio/u")); // the cgroup, without the file
    CgroupCounters c = fs.open("u").read();
    assertThat(c.cpuTotalNanos()).isEqualTo(5);
    assertThat(c.cpuUserNanos()).isEqualTo(UNKNOWN);
    assertThat(c.memoryPeakBytes()).isEqualTo(UNKNOWN);
    assertThat(c.ioReadBytes()).isEqualTo(UNKNOWN);
    assertThat(c.ioWriteBytes()).isEqualTo(UNKNOWN);
    assertThat(c.oomKills()).as("kernel before 4.13: no oom_kill line").isEqualTo(UNKNOWN);
  }

  @Test
  void allowedCoresIsTheSmallerOfCpusetAndQuota() {
    tree.file("cpuset/u/cpuset.effective_cpus", "0-3\n")
        .file("cpu/u/cpu.cfs_quota_us", "-1\n")
        .file("cpu/u/cpu.cfs_period_us", "100000\n");
    assertThat(fs.open("u").allowedCores(8)).isEqualTo(4.0);
    tree.file("cpu/u/cpu.cfs_quota_us", "150000\n");
    assertThat(fs.open("u").allowedCores(8)).isEqualTo(1.5);
    assertThat(fs.open("u").allowedCores(1)).as("never above the host's count").isEqualTo(1.0);
  }

  @Test
  void removesTheCgroupAndParentsLeftEmptyButNotOnesStillInUse() {
    fs.create("optbench/r/a", CgroupSettings.inherit());
    fs.create("optbench/r/b", CgroupSettings.inherit());
    assertThat(fs.remove("optbench/r/a")).isTrue();
    assertThat(root.resolve("memory/optbench/r/a")).doesNotExist();
    assertThat(root.resolve("memory/optbench/r/b")).exists();
    assertThat(fs.remove("optbench/r/b")).isTrue();
    assertThat(root.resolve("cpuset/optbench")).doesNotExist();
    assertThat(fs.remove("optbench/r/b")).as("idempotent").isTrue();
  }
}
