package dev.optbench.harness.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Directory work common to v1 and v2: creating a path level by level, removing it bottom-up. */
final class CgroupTree {
  /**
   * Held while a cgroup and the levels above it are made and set up, by every creator in this JVM:
   * sandboxes open side by side, and a level another thread has made but not yet set up (a v1
   * cpuset still empty, a v2 level whose controllers are not yet enabled) would refuse this
   * thread's settings below it. Seen: "cannot write '0' to …/optbench/run-…/O0/cpuset.cpus:
   * Permission denied" when two sandboxes of a run opened at once.
   */
  static final Object CREATING = new Object();

  private CgroupTree() {}

  static List<String> levels(String path) {
    List<String> levels = new ArrayList<>();
    for (String level : path.split("/")) {
      if (level.isEmpty() || level.equals(".") || level.equals("..")) {
        if (!level.isEmpty()) {
          throw new IllegalArgumentException("cgroup path must not contain '.' or '..': " + path);
        }
        continue;
      }
      levels.add(level);
    }
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("empty cgroup path: '" + path + "'");
    }
    return levels;
  }

  /**
   * Creates {@code path} below {@code hierarchy} one level at a time, calling {@code onCreated} for
   * each directory this call created (another process may create a shared parent at the same time;
   * that is fine).
   */
  static Path create(Path hierarchy, String path, Consumer<Path> onCreated) {
    Path dir = hierarchy;
    for (String level : levels(path)) {
      dir = dir.resolve(level);
      try {
        Files.createDirectory(dir);
        onCreated.accept(dir);
      } catch (FileAlreadyExistsException e) {
        // shared parent (optbench/, the run) made by an earlier sandbox or a parallel run
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot create cgroup " + dir + " (" + e.getMessage() + "); run as root or delegate",
            e);
      }
    }
    return dir;
  }

  /**
   * rmdir {@code path} and then its parents while they are empty. A cgroup dir holds only kernel
   * control files, which rmdir removes with it; it fails with EBUSY while tasks or child cgroups
   * remain, which is how a parent still used by another run is left alone.
   *
   * @return whether {@code path} itself is gone
   */
  /** rmdir {@code path} alone; its parents stay even when empty (they are still in use). */
  static boolean removeLeaf(Path hierarchy, String path) {
    return rmdir(hierarchy.resolve(path));
  }

  static boolean removeWithEmptyParents(Path hierarchy, String path) {
    List<String> levels = levels(path);
    boolean leafGone = false;
    for (int depth = levels.size(); depth > 0; depth--) {
      Path dir = hierarchy.resolve(String.join("/", levels.subList(0, depth)));
      boolean gone = rmdir(dir);
      if (depth == levels.size()) {
        leafGone = gone;
      }
      if (!gone) {
        break;
      }
    }
    return leafGone;
  }

  /** rmdir one folder; true when it is gone, false while still in use (EBUSY). */
  static boolean rmdir(Path dir) {
    try {
      Files.delete(dir);
      return true;
    } catch (NoSuchFileException e) {
      return true;
    } catch (DirectoryNotEmptyException e) {
      // a fake tree in a test (regular files inside), or a child cgroup: not ours to remove
      return deleteFakeTree(dir);
    } catch (FileSystemException e) {
      return false; // EBUSY: still in use
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove cgroup " + dir, e);
    }
  }

  /**
   * On a real cgroupfs rmdir never reports ENOTEMPTY for control files; a plain directory (unit
   * tests' fake trees) does. There, remove the files but never a subdirectory: a child cgroup means
   * the dir is still in use.
   */
  private static boolean deleteFakeTree(Path dir) {
    try (var entries = Files.list(dir)) {
      List<Path> files = entries.toList();
      if (files.stream().anyMatch(Files::isDirectory)) {
        return false;
      }
      for (Path file : files) {
        Files.delete(file);
      }
      Files.delete(dir);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
