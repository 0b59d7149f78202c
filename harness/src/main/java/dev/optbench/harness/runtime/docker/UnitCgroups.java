package dev.optbench.harness.runtime.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import dev.optbench.harness.cgroup.Cgroup;
import dev.optbench.harness.cgroup.CgroupFs;
import dev.optbench.harness.cgroup.CgroupSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The cgroups of one Docker sandbox, made through the cgroup layer ({@link CgroupFs}, v1 or v2): a
 * parent {@code optbench-docker/<container-name>} holding the container's own cgroup (Docker makes
 * it, via CgroupParent) and {@code units/}, under which every unit gets a fresh {@code unit-<n>}
 * that optbench-exec moves the unit into before exec ({@code --cgroup-procs}, through a bind mount
 * of {@code units/}).
 *
 * <p>Why a cgroup of its own: {@code docker exec} starts with runc's init inside the container's
 * cgroup and costs ~20-50 ms of CPU there. Why a fresh one per unit, as in the cgroup runtime:
 * every counter starts at zero, and page cache an earlier unit left charged (its input, the
 * binary's pages) cannot count as this unit's peak. Resetting one long-lived cgroup's peak (v1)
 * sets it to the current usage, which still holds that cache; v2 cannot reset it at all. Why
 * siblings: on v2 only leaves hold processes, so the container's cgroup (PID 1, the exec'd helper)
 * and the units must be leaves side by side; v1 needs no such care but gets the same layout.
 *
 * <p>On v1 the unit joins cpu, cpuacct, memory and blkio only; cpuset and pids stay the
 * container's. cpu is joined for the top CPU weight the cgroup layer writes on every level of
 * {@code optbench-docker/<name>/units/unit-<n>} (the container's own cgroup keeps Docker's
 * default). On v2 there is one hierarchy, so the unit's cgroup carries the cpuset, memory and pids
 * limits and the weight itself.
 */
final class UnitCgroups {
  static final String PARENT = "optbench-docker";
  static final String UNITS = "units";
  static final String MOUNT_IN_CONTAINER = "/.optbench-unit";

  /** v1 controllers a unit joins; on v2 the one hierarchy ("unified"). */
  static final List<String> V1_JOINED = List.of("cpu", "cpuacct", "memory", "blkio");

  private final CgroupFs fs;
  private final String name;
  private final Cgroup units;
  private final CgroupSettings settings;
  private final Optional<int[]> owner;
  private int count;

  private UnitCgroups(
      CgroupFs fs, String name, Cgroup units, CgroupSettings settings, Optional<int[]> owner) {
    this.fs = fs;
    this.name = name;
    this.units = units;
    this.settings = settings;
    this.owner = owner;
  }

  /**
   * Creates {@code optbench-docker/<name>/units} if the cgroup file system here is writable (root,
   * local engine); empty otherwise.
   *
   * @param uid the user units run as; a non-root user must be able to move itself into its cgroup
   */
  static Optional<UnitCgroups> create(
      CgroupFs fs, String name, String cpuset, long memoryBytes, int uid, int gid) {
    if (!fs.status().usable()) {
      return Optional.empty();
    }
    String path = PARENT + "/" + name + "/" + UNITS;
    Optional<int[]> owner = uid == 0 ? Optional.empty() : Optional.of(new int[] {uid, gid});
    try {
      Cgroup units = fs.create(path, new CgroupSettings(cpuset, 0));
      UnitCgroups cgroups =
          new UnitCgroups(fs, name, units, new CgroupSettings(cpuset, memoryBytes), owner);
      if (isV2(units)) {
        // v2 lets a task move only if it may write cgroup.procs of the common ancestor of both
        // cgroups: the sandbox's parent, above the container's cgroup and the unit's.
        cgroups.chown(units.dirs().values().iterator().next().getParent());
      }
      return Optional.of(cgroups);
    } catch (RuntimeException e) {
      removeSandbox(fs, name);
      return Optional.empty();
    }
  }

  /** The CgroupParent of the container: relative to each hierarchy's root (cgroupfs driver). */
  static String cgroupParent(String name) {
    return "/" + PARENT + "/" + name;
  }

  /** {@code ResourceUsage.source} of the totals: docker/cgroup-v1 or docker/cgroup-v2. */
  String source() {
    return "docker/" + fs.source();
  }

  boolean isV2() {
    return isV2(units);
  }

  private static boolean isV2(Cgroup cgroup) {
    return cgroup.dirs().containsKey("unified");
  }

  /** {@code units/} of each joined hierarchy, mounted read-write where optbench-exec reaches it. */
  List<Bind> binds() {
    List<Bind> binds = new ArrayList<>();
    joined(units)
        .forEach(
            (c, dir) ->
                binds.add(
                    new Bind(
                        dir.toString(), new Volume(MOUNT_IN_CONTAINER + "/" + c), AccessMode.rw)));
    return binds;
  }

  /** A fresh cgroup for the next unit, with the limits, ready to join. */
  synchronized Unit next() {
    String leaf = "unit-" + (++count);
    Cgroup unit = fs.create(units.path() + "/" + leaf, settings);
    if (isV2()) {
      limitPids(unit.dirs().get("unified"));
    }
    List<String> options = new ArrayList<>();
    for (Map.Entry<String, Path> dir : joined(unit).entrySet()) {
      owner.ifPresent(o -> chown(dir.getValue()));
      options.add("--cgroup-procs");
      options.add(MOUNT_IN_CONTAINER + "/" + dir.getKey() + "/" + leaf + "/cgroup.procs");
    }
    return new Unit(unit, options);
  }

  /**
   * @param cgroup the unit's own cgroup: its counters are the unit's totals
   * @param helperOptions optbench-exec options that put the unit in it before exec
   */
  record Unit(Cgroup cgroup, List<String> helperOptions) {}

  /** Kills what the unit left behind and removes its cgroup; the parent stays for the next. */
  void remove(Unit unit) {
    fs.killAll(unit.cgroup());
    fs.removeLeaf(unit.cgroup().path());
  }

  /**
   * The sandbox's parent in the hierarchies units join: container and units together, what a
   * collector should sample (the other controllers stay the container's own).
   */
  Map<String, Path> parentDirs() {
    Map<String, Path> parents = new LinkedHashMap<>();
    joined(units).forEach((c, dir) -> parents.put(c, dir.getParent()));
    return parents;
  }

  /** Removes the folders; call after the container is gone (a cgroup with tasks stays). */
  void remove() {
    removeSandbox(fs, name);
  }

  /**
   * Removes a sandbox's cgroups in every hierarchy: runc made the parent in each (devices, freezer,
   * name=systemd, ...) and leaves it behind, so all of them go, units first.
   */
  static void removeSandbox(CgroupFs fs, String name) {
    for (Path root : fs.hierarchyRoots()) {
      Path parent = root.resolve(PARENT).resolve(name);
      if (Files.isDirectory(parent)) {
        Path units = parent.resolve(UNITS);
        if (Files.isDirectory(units)) {
          try (Stream<Path> leftovers = Files.list(units)) {
            leftovers.filter(Files::isDirectory).forEach(UnitCgroups::removeDir);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + units, e);
          }
        }
        removeDir(units);
        removeDir(parent);
      }
    }
  }

  private Map<String, Path> joined(Cgroup cgroup) {
    Map<String, Path> dirs = new LinkedHashMap<>();
    cgroup
        .dirs()
        .forEach(
            (c, dir) -> {
              if (c.equals("unified") || V1_JOINED.contains(c)) {
                dirs.put(c, dir);
              }
            });
    return dirs;
  }

  private void chown(Path cgroupDir) {
    owner.ifPresent(
        o -> {
          try {
            Files.setAttribute(cgroupDir.resolve("cgroup.procs"), "unix:uid", o[0]);
            Files.setAttribute(cgroupDir.resolve("cgroup.procs"), "unix:gid", o[1]);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + cgroupDir + " to uid " + o[0], e);
          }
        });
  }

  /**
   * On v2 the unit leaves the container's cgroup, and with it the container's pids limit: the same
   * limit goes on the unit's own cgroup (where the pids controller is enabled).
   */
  private static void limitPids(Path unitDir) {
    Path max = unitDir.resolve("pids.max");
    if (Files.exists(max)) {
      try {
        Files.writeString(max, Long.toString(SandboxHostConfig.PIDS_LIMIT));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot limit the processes of " + unitDir, e);
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
