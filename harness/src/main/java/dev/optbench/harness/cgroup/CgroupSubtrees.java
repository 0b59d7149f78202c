package dev.optbench.harness.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whole subtrees across every hierarchy, for what a dead run left behind: which child cgroups a
 * folder has, and removing a folder with everything below it. Another process removing the same
 * tree at the same time (two runs starting together) is fine: a folder already gone counts as
 * removed.
 */
final class CgroupSubtrees {
  private static final int RMDIR_ATTEMPTS = 40;

  private CgroupSubtrees() {}

  /** Names of the child folders of {@code path} in any of {@code hierarchies}, sorted. */
  static List<String> children(List<Path> hierarchies, String path) {
    Set<String> names = new TreeSet<>();
    for (Path hierarchy : hierarchies) {
      for (Path child : subdirs(hierarchy.resolve(String.join("/", CgroupTree.levels(path))))) {
        names.add(child.getFileName().toString());
      }
    }
    return List.copyOf(names);
  }

  /**
   * Kills the processes of every folder of {@code path}'s subtree and rmdirs it, deepest first, in
   * every hierarchy.
   *
   * @return how many distinct processes were found (and killed)
   * @throws IllegalStateException when a process survives SIGKILL or a folder cannot be removed
   */
  static int removeTree(List<Path> hierarchies, String path) {
    String relative = String.join("/", CgroupTree.levels(path));
    Set<Long> killed = new TreeSet<>();
    for (Path hierarchy : hierarchies) {
      removeDepthFirst(hierarchy.resolve(relative), killed);
    }
    return killed.size();
  }

  private static void removeDepthFirst(Path dir, Set<Long> killed) {
    for (Path child : subdirs(dir)) {
      removeDepthFirst(child, killed);
    }
    if (!Files.isDirectory(dir)) {
      return;
    }
    killed.addAll(pids(dir));
    Path kill = dir.resolve("cgroup.kill");
    if (Files.exists(kill)) {
      CgroupFiles.write(kill, "1"); // v2, Linux 5.14+: atomic, forks in flight included
    }
    if (!CgroupKiller.killAll(() -> record(pids(dir), killed))) {
      throw new IllegalStateException(
          "processes " + pids(dir) + " of " + dir + " survived SIGKILL");
    }
    rmdir(dir);
  }

  private static List<Long> record(List<Long> pids, Set<Long> seen) {
    seen.addAll(pids);
    return pids;
  }

  private static List<Long> pids(Path dir) {
    try {
      return CgroupKiller.parsePids(CgroupFiles.readString(dir, "cgroup.procs"));
    } catch (CgroupGoneException e) {
      return List.of();
    }
  }

  /** The kernel may say EBUSY for a moment after the last task exited; retried for ~2 s. */
  private static void rmdir(Path dir) {
    for (int attempt = 1; !CgroupTree.rmdir(dir); attempt++) {
      if (attempt >= RMDIR_ATTEMPTS) {
        throw new IllegalStateException("cannot remove cgroup " + dir + " (still in use)");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while removing cgroup " + dir, e);
      }
    }
  }

  /** Child folders; none when {@code dir} is missing (not made in that hierarchy, or gone). */
  private static List<Path> subdirs(Path dir) {
    List<Path> dirs = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
      entries.forEach(dirs::add);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      throw new UncheckedIOException("cannot list cgroup " + dir, e);
    }
    return dirs;
  }
}
