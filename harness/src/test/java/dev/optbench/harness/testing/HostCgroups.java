package dev.optbench.harness.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.cgroup.CgroupVersion;
import java.nio.file.Path;
import java.util.List;

/**
 * The cgroup layout the integration tests run on, and where a cgroup path lives in it. {@code
 * OPTBENCH_EXPECT_CGROUP=v1|v2} (set in the cgroup v2 VM, see {@code .ci/cgroup-v2-vm.sh}) makes a
 * different layout a failure, so a test meant for v2 never passes on a v1 fallback.
 */
public final class HostCgroups {
  public static final Path ROOT = CgroupVersion.DEFAULT_ROOT;
  private static final List<String> V1_HIERARCHIES =
      List.of("memory", "cpuset", "cpuacct", "cpu", "blkio", "pids");

  private HostCgroups() {}

  /** The layout at /sys/fs/cgroup; the expected one when OPTBENCH_EXPECT_CGROUP is set. */
  public static CgroupVersion version() {
    CgroupVersion found = CgroupVersion.detect(ROOT);
    Services.env("OPTBENCH_EXPECT_CGROUP")
        .ifPresent(
            expected ->
                assertThat(found.name())
                    .as("cgroup layout at %s (OPTBENCH_EXPECT_CGROUP)", ROOT)
                    .isEqualToIgnoringCase(expected));
    return found;
  }

  /** What the cgroup runtime records as {@code ResourceUsage.source} here. */
  public static String source() {
    return version() == CgroupVersion.V2 ? "cgroup-v2" : "cgroup-v1";
  }

  /** Every directory {@code path} (below the root) has: one on v2, one per hierarchy on v1. */
  public static List<Path> dirs(String path) {
    if (version() == CgroupVersion.V2) {
      return List.of(ROOT.resolve(path));
    }
    return V1_HIERARCHIES.stream().map(h -> ROOT.resolve(h).resolve(path)).toList();
  }

  /** The file a task writes its pid to to join {@code path} (memory's on v1). */
  public static Path procs(String path) {
    return dirs(path).get(0).resolve("cgroup.procs");
  }
}
