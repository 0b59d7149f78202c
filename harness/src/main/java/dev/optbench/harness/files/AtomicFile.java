package dev.optbench.harness.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way optbench writes a result file: into {@code <name>.tmp} beside it, forced to disk,
 * renamed over the final name, the folder forced too. A reader, a crash or a full disk therefore
 * sees the old file or the new one, never half of one; on failure the temporary file is removed and
 * a {@link ResultWriteException} says which file and why. Hand-written because the JDK has the
 * pieces but no call that does all of them (commons-io's {@code FileUtils.write} truncates in
 * place), and the fsyncs are the point.
 */
public final class AtomicFile {
  /** Suffix of the temporary file; a leftover of a killed run is removed by the next. */
  public static final String TEMP_SUFFIX = ".tmp";

  private AtomicFile() {}

  public static void write(Path file, byte[] content) {
    Path tmp = temp(file);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (FileChannel out =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(content);
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
      publish(tmp, file);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new ResultWriteException(file, e);
    }
  }

  public static void writeString(Path file, String content) {
    write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Adds one line to a small file by rewriting it whole, atomically: a full disk leaves the file as
   * it was, never a line cut in half. For files of a few hundred lines (failed invocations), where
   * the rewrite costs nothing next to the unit that failed.
   */
  public static synchronized void appendLine(Path file, String line) {
    try {
      byte[] old = Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
      byte[] add = (line + "\n").getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[old.length + add.length];
      System.arraycopy(old, 0, all, 0, old.length);
      System.arraycopy(add, 0, all, old.length, add.length);
      write(file, all);
    } catch (IOException e) {
      throw new ResultWriteException(file, e);
    }
  }

  /**
   * Renames a finished temporary file over the final name and forces the folder, so the rename
   * itself survives a crash. {@code tmp} must already be forced to disk.
   */
  public static void publish(Path tmp, Path file) throws IOException {
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel dir =
        FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    }
  }

  static Path temp(Path file) {
    return file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the write error is what the user needs to hear; a leftover temp is removed next run
    }
  }
}
