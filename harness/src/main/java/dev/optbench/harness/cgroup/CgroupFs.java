package dev.optbench.harness.cgroup;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A host's cgroup file system, v1 or v2, behind one interface. Implementations take the root path
 * (normally {@link CgroupVersion#DEFAULT_ROOT}) so tests can hand them a fake tree in a temp dir.
 */
public interface CgroupFs {

  /** Recorded as {@code ResourceUsage.source}: "cgroup-v1" or "cgroup-v2". */
  String source();

  /** Whether the needed controllers are there and writable; if not, what is missing. */
  Status status();

  /**
   * @param usable the controllers are there and writable
   * @param reason what was found, or what is missing and how to fix it
   */
  record Status(boolean usable, String reason) {
    static Status yes(String what) {
      return new Status(true, what);
    }

    static Status no(String why) {
      return new Status(false, why);
    }
  }

  /**
   * Creates {@code path} (slash-separated, below the root) and any missing parents, then applies
   * {@code settings} to the last level before returning, so it is ready for tasks to join.
   */
  Cgroup create(String path, CgroupSettings settings);

  /** Opens an existing cgroup without changing it. */
  Cgroup open(String path);

  /**
   * Kills every process in the cgroup (SIGKILL) and waits until it is empty; a no-op if the cgroup
   * is gone.
   */
  void killAll(Cgroup cgroup);

  /**
   * Removes {@code path}, then each parent up to the root that is left empty. Cgroups still in use
   * by someone else are left alone; returns false if {@code path} itself could not be removed.
   */
  boolean remove(String path);

  /**
   * Removes {@code path} only, never its parents: a unit's cgroup goes after each unit while its
   * variant's cgroup (the collectors' target, with cumulative counters) must stay.
   */
  boolean removeLeaf(String path);

  /**
   * The root of every hierarchy mounted here (v1: one per controller plus named ones such as
   * systemd; v2: the root), for removing what another program (runc) made in each.
   */
  List<Path> hierarchyRoots();

  /**
   * Names of the child cgroups of {@code path} in any hierarchy (on v1 a folder made in only some
   * hierarchies counts), sorted; none when {@code path} does not exist.
   */
  default List<String> children(String path) {
    return CgroupSubtrees.children(hierarchyRoots(), path);
  }

  /**
   * Removes {@code path} with everything below it in every hierarchy, deepest folder first, each
   * one's processes killed (SIGKILL) before its rmdir: for what a dead run left behind, never for a
   * live run's cgroups.
   *
   * @return how many processes were still in the tree and were killed
   * @throws IllegalStateException when a process survives or a folder cannot be removed
   */
  default int removeTree(String path) {
    return CgroupSubtrees.removeTree(hierarchyRoots(), path);
  }

  /** The implementation that fits the layout found at {@code root}, if any. */
  static Optional<CgroupFs> detect(Path root) {
    return switch (CgroupVersion.detect(root)) {
      case V2 -> Optional.of(new V2CgroupFs(root));
      case V1, HYBRID -> Optional.of(new V1CgroupFs(root));
      case NONE -> Optional.empty();
    };
  }
}
