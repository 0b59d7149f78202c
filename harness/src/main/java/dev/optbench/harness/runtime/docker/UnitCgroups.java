package dev.optbench.harness.runtime.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A per-sandbox cgroup v1 parent {@code /optbench-docker/<container-name>} holding two children:
 * the container's own cgroup (Docker creates it, via CgroupParent) and {@code unit}, which each
 * unit joins before it execs (optbench-exec {@code --cgroup-procs}, through a bind mount of the
 * unit folders). Why: {@code docker exec} starts with runc's init process inside the container's
 * cgroup and costs ~20-50 ms of CPU there; in its own cgroup the unit's counters hold the unit
 * alone. The memory limit is set on the parent too, so it binds the unit as it binds the container.
 */
final class UnitCgroups {
  /** Controllers the unit joins; cpuset and pids stay those of the container. */
  static final List<String> CONTROLLERS = List.of("cpuacct", "memory", "blkio");

  static final String PARENT = "optbench-docker";
  static final String MOUNT_IN_CONTAINER = "/.optbench-unit";

  private final Map<String, Path> parents;

  private UnitCgroups(Map<String, Path> parents) {
    this.parents = parents;
  }

  /**
   * Creates the folders for a sandbox named {@code name} with the given memory limit, if cgroup v1
   * is mounted here and writable (root, local engine); empty otherwise.
   */
  static Optional<UnitCgroups> create(
      Map<String, Path> mounts, String name, long memoryBytes, String uid, String gid) {
    Map<String, Path> parents = new LinkedHashMap<>();
    for (String controller : CONTROLLERS) {
      Path mount = mounts.get(controller);
      if (mount == null || !Files.isWritable(mount)) {
        return Optional.empty();
      }
      parents.put(controller, mount.resolve(PARENT).resolve(name));
    }
    UnitCgroups cgroups = new UnitCgroups(parents);
    try {
      for (Path parent : parents.values()) {
        Files.createDirectories(parent.resolve("unit"));
      }
      Path memory = parents.get("memory");
      // limit before memsw: the kernel refuses memsw below the limit
      Files.writeString(memory.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
      Path memsw = memory.resolve("memory.memsw.limit_in_bytes");
      if (Files.exists(memsw)) {
        Files.writeString(memsw, Long.toString(memoryBytes));
      }
      if (!uid.equals("0")) {
        // a unit running as this user must be able to move itself into its cgroup
        for (Path dir : cgroups.unitDirs().values()) {
          Files.setAttribute(dir.resolve("cgroup.procs"), "unix:uid", Integer.parseInt(uid));
          Files.setAttribute(dir.resolve("cgroup.procs"), "unix:gid", Integer.parseInt(gid));
        }
      }
      return Optional.of(cgroups);
    } catch (IOException | RuntimeException e) {
      cgroups.remove();
      return Optional.empty();
    }
  }

  /** The CgroupParent of the container: relative to each hierarchy's root. */
  static String cgroupParent(String name) {
    return "/" + PARENT + "/" + name;
  }

  /** Each unit folder, mounted read-write where optbench-exec can reach it. */
  List<Bind> binds() {
    List<Bind> binds = new ArrayList<>();
    unitDirs()
        .forEach(
            (c, dir) ->
                binds.add(
                    new Bind(
                        dir.toString(), new Volume(MOUNT_IN_CONTAINER + "/" + c), AccessMode.rw)));
    return binds;
  }

  /** optbench-exec options that put the unit in its cgroups before exec. */
  List<String> helperOptions() {
    List<String> options = new ArrayList<>();
    for (String c : CONTROLLERS) {
      options.add("--cgroup-procs");
      options.add(MOUNT_IN_CONTAINER + "/" + c + "/cgroup.procs");
    }
    return options;
  }

  Map<String, Path> unitDirs() {
    Map<String, Path> dirs = new LinkedHashMap<>();
    parents.forEach((c, p) -> dirs.put(c, p.resolve("unit")));
    return dirs;
  }

  /** Parent folders: container and unit together, what a collector should sample. */
  Map<String, Path> parentDirs() {
    return parents;
  }

  /**
   * Removes the folders; call after the container is gone (a cgroup with tasks stays). runc made
   * the parent in every hierarchy (cpu, cpuset, pids, ...), and leaves it behind: all of them go.
   */
  void remove() {
    String name = parents.get("memory").getFileName().toString();
    removeSandbox(CgroupLocator.hierarchyRoots(), name);
  }

  static void removeSandbox(List<Path> hierarchyRoots, String name) {
    for (Path root : hierarchyRoots) {
      Path parent = root.resolve(PARENT).resolve(name);
      if (Files.isDirectory(parent)) {
        removeDir(parent.resolve("unit"));
        removeDir(parent);
      }
    }
  }

  /** rmdir; retried briefly because the engine may still be tearing the container's cgroup down. */
  static void removeDir(Path dir) {
    for (int attempt = 0; ; attempt++) {
      try {
        Files.deleteIfExists(dir); // cgroupfs: rmdir works although the folder lists files
        return;
      } catch (IOException e) {
        if (attempt >= 20) {
          throw new UncheckedIOException(
              "cannot remove cgroup " + dir + " (still has processes?); remove it with rmdir", e);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new UncheckedIOException("interrupted while removing " + dir, e);
        }
      }
    }
  }
}
