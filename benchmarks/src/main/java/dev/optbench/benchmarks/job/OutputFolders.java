package dev.optbench.benchmarks.job;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Output folders are checked before any long work: a results folder that cannot be written must not
 * cost a build first. Nothing is created: the nearest existing folder on the way is probed with a
 * temporary file that is removed at once.
 */
public final class OutputFolders {
  private OutputFolders() {}

  /** Throws IllegalArgumentException (one sentence naming {@code option}) when it is unwritable. */
  public static void requireWritable(Path folder, String option) {
    Path existing = folder.toAbsolutePath().normalize();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      throw new IllegalArgumentException(
          option
              + " "
              + folder
              + " cannot be created: "
              + (existing == null ? "no folder on its path exists" : existing + " is a file")
              + "; choose another "
              + option);
    }
    try {
      Files.delete(Files.createTempFile(existing, ".optbench-probe-", ""));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          option
              + " "
              + folder
              + " is not writable ("
              + reason(e)
              + " in "
              + existing
              + "); choose another "
              + option,
          e);
    }
  }

  /** What went wrong, in words: file-system exceptions' messages are only the path. */
  public static String reason(IOException e) {
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    String simple = e.getClass().getSimpleName().replace("Exception", "");
    return switch (simple) {
      case "AccessDenied" -> "permission denied";
      case "NoSuchFile" -> "no such file or folder";
      case "FileAlreadyExists" -> "it already exists";
      case "NotDirectory" -> "not a folder";
      case "DirectoryNotEmpty" -> "folder not empty";
      default -> e.getMessage() == null ? simple : e.getMessage();
    };
  }
}
