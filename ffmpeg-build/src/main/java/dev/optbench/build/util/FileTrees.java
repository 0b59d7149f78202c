package dev.optbench.build.util;

import dev.optbench.harness.files.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting trees and publishing finished ones atomically. */
public final class FileTrees {
  private FileTrees() {}

  public static void deleteRecursively(Path root) {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }

  /**
   * Moves a finished temp tree to its final name in one step, so readers see either nothing or the
   * complete tree, never a half-written one.
   */
  public static void publish(Path tmp, Path target) {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IllegalStateException(
          "the cache folder's file system cannot rename atomically: " + target.getParent(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + tmp + " to " + target, e);
    }
  }

  /** Writes a small file atomically (temp file, fsync, rename: {@link AtomicFile}). */
  public static void writeAtomically(Path file, String content) {
    AtomicFile.writeString(file, content);
  }
}
