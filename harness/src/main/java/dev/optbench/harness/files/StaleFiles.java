package dev.optbench.harness.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Removes what a stopped writer leaves in a results folder: temporary files of {@link AtomicFile}
 * ({@code .tmp}), line-protocol series never published ({@code .partial}), files a writer had not
 * finished ({@code .writing}) and spool rewrites ({@code .compacting}). None of them is a result;
 * each is either complete under its final name or was never complete. Only for folders no live
 * process writes to: the run that just stopped, or a dead run's.
 */
public final class StaleFiles {
  static final List<String> SUFFIXES =
      List.of(AtomicFile.TEMP_SUFFIX, ".partial", ".writing", ".compacting");

  private StaleFiles() {}

  /**
   * Deletes every such file under {@code dir}; returns how many. A missing folder has none; files
   * and folders that vanish meanwhile (a work folder being removed) are skipped.
   */
  public static int removeIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int[] removed = {0};
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              if (attrs.isRegularFile() && isStale(file) && Files.deleteIfExists(file)) {
                removed[0]++;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      System.err.println("optbench: could not remove stale files under " + dir + ": " + e);
    }
    return removed[0];
  }

  static boolean isStale(Path file) {
    String name = file.getFileName().toString();
    return SUFFIXES.stream().anyMatch(name::endsWith);
  }
}
