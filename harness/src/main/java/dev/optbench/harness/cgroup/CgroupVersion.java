package dev.optbench.harness.cgroup;

import java.nio.file.Files;
import java.nio.file.Path;

/** Which cgroup layout a host has, seen from its cgroup mount point (usually /sys/fs/cgroup). */
public enum CgroupVersion {
  /** Only the unified v2 hierarchy: most current distributions. */
  V2,
  /** Only per-controller v1 hierarchies. */
  V1,
  /**
   * v1 controllers plus an empty v2 hierarchy at {@code unified/} (systemd's hybrid mode); the
   * controllers, and so optbench, use v1.
   */
  HYBRID,
  /** No cgroup file system found. */
  NONE;

  public static final Path DEFAULT_ROOT = Path.of("/sys/fs/cgroup");

  public static CgroupVersion detect(Path root) {
    if (Files.exists(root.resolve("cgroup.controllers"))) {
      return V2;
    }
    boolean v1 =
        Files.isDirectory(root.resolve("memory")) || Files.isDirectory(root.resolve("cpuacct"));
    if (v1 && Files.exists(root.resolve("unified").resolve("cgroup.controllers"))) {
      return HYBRID;
    }
    return v1 ? V1 : NONE;
  }
}
