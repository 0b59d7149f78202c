package dev.optbench.harness.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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

  /** Deletes every such file under {@code dir}; returns how many. A missing folder has none. */
  public static int removeIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> stale = files.filter(Files::isRegularFile).filter(StaleFiles::isStale).toList();
      for (Path f : stale) {
        Files.deleteIfExists(f);
      }
      return stale.size();
    } catch (IOException e) {
      System.err.println("optbench: could not remove stale files under " + dir + ": " + e);
      return 0;
    }
  }

  static boolean isStale(Path file) {
    String name = file.getFileName().toString();
    return SUFFIXES.stream().anyMatch(name::endsWith);
  }
}
