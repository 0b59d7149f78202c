package dev.optbench.harness.cgroup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * cgroup v2: one unified hierarchy. Controllers must be enabled in {@code cgroup.subtree_control}
 * of every ancestor before a child can use them, and only leaves hold tasks.
 *
 * <p>The development machines have cgroup v1; this class runs on a real v2 kernel in CI's VM
 * (.ci/cgroup-v2-vm.sh: Debian 6.1 with cgroup_no_v1=all, the cgroup runtime's ITs). On systemd
 * hosts, run as root or inside a delegated scope (systemd-run --scope -p Delegate=yes).
 */
public final class V2CgroupFs implements CgroupFs {
  static final List<String> REQUIRED = List.of("cpuset", "cpu", "memory");
  static final List<String> OPTIONAL = List.of("io", "pids");

  private final Path root;
  private final CpuWeight weight = CpuWeight.V2.fresh();

  public V2CgroupFs(Path root) {
    this.root = root;
  }

  @Override
  public String source() {
    return "cgroup-v2";
  }

  @Override
  public Status status() {
    Set<String> available = controllersOf(root);
    List<String> missing = new ArrayList<>(REQUIRED);
    missing.removeAll(available);
    if (!missing.isEmpty()) {
      return Status.no(
          "cgroup v2 at "
              + root
              + " lacks controllers "
              + missing
              + " (cgroup.controllers has "
              + available
              + "); they may be bound to a v1 hierarchy. Pick the process runtime.");
    }
    if (!Files.isWritable(root.resolve("cgroup.subtree_control"))) {
      return Status.no(
          "cgroup v2 at "
              + root
              + " is not writable: run as root or in a delegated cgroup"
              + " (systemd-run --user --scope -p Delegate=yes ...).");
    }
    return Status.yes(
        "cgroup v2 at "
            + root
            + " (controllers "
            + available
            + "; units get "
            + weight.describe()
            + ")");
  }

  @Override
  public Cgroup create(String path, CgroupSettings settings) {
    synchronized (CgroupTree.CREATING) {
      return createNow(path, settings);
    }
  }

  private Cgroup createNow(String path, CgroupSettings settings) {
    // Enable controllers top-down: root, then each new level except the leaf (tasks live there).
    List<String> levels = CgroupTree.levels(path);
    Path dir = root;
    for (int i = 0; i < levels.size(); i++) {
      enableControllers(dir);
      dir = CgroupTree.create(dir, levels.get(i), created -> {});
    }
    V2Cgroup cgroup = new V2Cgroup(path, dir);
    weight.applyAlong(root, path); // cpu is enabled on every level above, so each has cpu.weight
    if (!settings.cpuset().isEmpty()) {
      CgroupFiles.write(dir.resolve("cpuset.cpus"), settings.cpuset());
    }
    if (settings.memoryBytes() > 0) {
      CgroupFiles.write(dir.resolve("memory.max"), Long.toString(settings.memoryBytes()));
      if (Files.exists(dir.resolve("memory.swap.max"))) {
        CgroupFiles.write(dir.resolve("memory.swap.max"), "0"); // killed at the limit, not swapped
      }
    }
    return cgroup;
  }

  private void enableControllers(Path dir) {
    Set<String> enabled = words(dir, "cgroup.subtree_control");
    for (String controller : controllersOf(dir)) {
      boolean wanted = REQUIRED.contains(controller) || OPTIONAL.contains(controller);
      if (wanted && !enabled.contains(controller)) {
        // one per write: a multi-controller write fails as a whole if one is refused
        CgroupFiles.write(dir.resolve("cgroup.subtree_control"), "+" + controller);
      }
    }
  }

  @Override
  public List<Path> hierarchyRoots() {
    return List.of(root);
  }

  @Override
  public Cgroup open(String path) {
    return new V2Cgroup(path, root.resolve(path));
  }

  @Override
  public void killAll(Cgroup cgroup) {
    Path kill = cgroup.dirs().get(V2Cgroup.UNIFIED).resolve("cgroup.kill");
    if (Files.exists(kill)) {
      CgroupFiles.write(kill, "1"); // Linux 5.14+: kills atomically, including forks in flight
    }
    if (!CgroupKiller.killAll(cgroup::pids)) {
      throw new IllegalStateException(
          "processes " + cgroup.pids() + " of cgroup " + cgroup.path() + " survived SIGKILL");
    }
  }

  @Override
  public boolean remove(String path) {
    return CgroupTree.removeWithEmptyParents(root, path);
  }

  @Override
  public boolean removeLeaf(String path) {
    return CgroupTree.removeLeaf(root, path);
  }

  private static Set<String> controllersOf(Path dir) {
    return words(dir, "cgroup.controllers");
  }

  private static Set<String> words(Path dir, String file) {
    if (!Files.isDirectory(dir)) {
      return Set.of();
    }
    return Arrays.stream(CgroupFiles.readString(dir, file).strip().split("\\s+"))
        .filter(w -> !w.isEmpty())
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }
}
