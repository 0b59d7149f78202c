package dev.optbench.harness.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CgroupLocatorTest {
  private static final String ID =
      "bd0089ac7eb7a7ff208b58d129209ac3ee2dd3314162ba417ad6f373fb8ee128";

  /** Recorded on the Debian 12 build machine: v1, one mount per controller, cgroupfs driver. */
  private static final List<String> MOUNTINFO_V1 =
      List.of(
          "30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
          "31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu",
          "32 30 0:29 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct",
          "34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
          "37 30 0:34 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio",
          "38 30 0:35 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids",
          "39 30 0:36 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd",
          "40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw",
          "50 22 0:50 / /tmp/with\\040blank rw - tmpfs tmpfs rw");

  private static final List<String> PROC_CGROUP_V1 =
      List.of(
          "9:name=systemd:/docker/" + ID,
          "8:pids:/docker/" + ID,
          "7:blkio:/docker/" + ID,
          "4:memory:/docker/" + ID,
          "2:cpuacct:/docker/" + ID,
          "1:cpu:/docker/" + ID,
          "0::/docker/" + ID);

  @Test
  void resolvesEachControllerOfACgroupfsContainer() {
    var dirs = CgroupLocator.locate(PROC_CGROUP_V1, MOUNTINFO_V1);
    assertThat(dirs)
        .containsEntry("memory", Path.of("/sys/fs/cgroup/memory/docker/" + ID))
        .containsEntry("cpuacct", Path.of("/sys/fs/cgroup/cpuacct/docker/" + ID))
        .containsEntry("blkio", Path.of("/sys/fs/cgroup/blkio/docker/" + ID))
        .containsEntry("pids", Path.of("/sys/fs/cgroup/pids/docker/" + ID))
        .containsEntry(CgroupLocator.UNIFIED, Path.of("/sys/fs/cgroup/unified/docker/" + ID))
        .doesNotContainKey("name=systemd")
        .doesNotContainKey("systemd");
  }

  @Test
  void handlesCombinedControllersAndTheSystemdDriver() {
    List<String> mountinfo =
        List.of(
            "25 20 0:22 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct",
            "26 20 0:23 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory");
    String scope = "/system.slice/docker-" + ID + ".scope";
    var dirs =
        CgroupLocator.locate(List.of("4:cpu,cpuacct:" + scope, "3:memory:" + scope), mountinfo);
    assertThat(dirs.get("cpuacct")).isEqualTo(Path.of("/sys/fs/cgroup/cpu,cpuacct" + scope));
    assertThat(dirs.get("cpu")).isEqualTo(dirs.get("cpuacct"));
    assertThat(dirs.get("memory")).isEqualTo(Path.of("/sys/fs/cgroup/memory" + scope));
  }

  @Test
  void resolvesCgroupV2() {
    var dirs =
        CgroupLocator.locate(
            List.of("0::/system.slice/docker-" + ID + ".scope"),
            List.of("30 22 0:27 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw,nsdelegate"));
    assertThat(dirs)
        .containsExactly(
            java.util.Map.entry(
                CgroupLocator.UNIFIED,
                Path.of("/sys/fs/cgroup/system.slice/docker-" + ID + ".scope")));
  }

  @Test
  void ignoresSubtreeBindMountsWhosePathsWouldNotLineUp() {
    List<String> insideAContainer =
        List.of(
            "700 690 0:31 /docker/" + ID + " /sys/fs/cgroup/memory ro - cgroup cgroup rw,memory");
    assertThat(CgroupLocator.cgroupMounts(insideAContainer)).isEmpty();
  }

  @Test
  void listsEveryHierarchyRootIncludingNamedOnes() {
    assertThat(CgroupLocator.hierarchyRoots(MOUNTINFO_V1))
        .contains(Path.of("/sys/fs/cgroup/systemd"), Path.of("/sys/fs/cgroup/unified"))
        .doesNotContain(Path.of("/sys/fs/cgroup"), Path.of("/tmp/with blank"))
        .hasSize(7);
  }
}
