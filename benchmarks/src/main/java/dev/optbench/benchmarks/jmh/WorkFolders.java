package dev.optbench.benchmarks.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File chores of the units' work folders. */
public final class WorkFolders {
  private WorkFolders() {}

  /** Deletes everything inside {@code dir}, keeping the folder (it is mounted in a container). */
  public static void clear(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.toList()) {
        delete(child);
      }
    }
  }

  public static void delete(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      List<Path> deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
      for (Path p : deepestFirst) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Hard-links every file of {@code from} into {@code to} (a copy where links cannot cross file
   * systems). Not a symbolic link: a container sees only its mounted work folder, and a link
   * pointing outside it would dangle there.
   */
  public static void linkTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path src : all.toList()) {
        Path dst = to.resolve(from.relativize(src).toString());
        if (Files.isDirectory(src)) {
          Files.createDirectories(dst);
        } else {
          try {
            Files.createLink(dst, src);
          } catch (IOException | UnsupportedOperationException e) {
            Files.copy(src, dst);
          }
        }
      }
    }
  }
}
