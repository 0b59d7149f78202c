package dev.optbench.harness.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * A result file could not be written (disk full, folder gone, no permission). Results that cannot
 * be kept are not results: the run stops and says so. The class name travels in JMH's failure text
 * from a fork to the main job, which is how the main job tells it from a unit's own failure.
 */
public final class ResultWriteException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  public ResultWriteException(Path file, IOException cause) {
    super("cannot write " + file + ": " + reason(cause), cause);
  }

  private static String reason(IOException e) {
    String why =
        e instanceof FileSystemException f && f.getReason() != null
            ? f.getReason()
            : String.valueOf(e.getMessage());
    return why.contains("No space left")
        ? why + " (the disk is full; free space or move --results)"
        : why;
  }
}
