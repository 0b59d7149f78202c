package dev.optbench.harness.metrics.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads cgroup interface files. A missing file in an existing folder is an absent counter (older
 * kernel, controller not enabled): empty. A missing folder means the cgroup was removed: {@link
 * SourceGoneException}, which ends sampling quietly.
 */
final class CgroupFiles {
  private CgroupFiles() {}

  /** A file holding one number, e.g. {@code memory.current}. */
  static OptionalLong number(Path dir, String name) throws IOException {
    List<String> lines = lines(dir, name);
    if (lines == null || lines.isEmpty()) {
      return OptionalLong.empty();
    }
    String text = lines.get(0).trim();
    // "max" appears in v2 limit files; not a counter.
    return text.equals("max") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
  }

  /** A flat-keyed file of "key value" lines, e.g. {@code memory.stat}, {@code cpu.stat}. */
  static Map<String, Long> keyed(Path dir, String name) throws IOException {
    List<String> lines = lines(dir, name);
    Map<String, Long> values = new HashMap<>();
    if (lines != null) {
      for (String line : lines) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length == 2) {
          values.put(parts[0], Long.parseLong(parts[1]));
        }
      }
    }
    return values;
  }

  /** The file's lines, or null when the file does not exist in a folder that does. */
  static List<String> lines(Path dir, String name) throws IOException {
    try {
      return Files.readAllLines(dir.resolve(name));
    } catch (NoSuchFileException e) {
      if (!Files.isDirectory(dir)) {
        throw new SourceGoneException("cgroup " + dir + " no longer exists");
      }
      return null;
    } catch (IOException e) {
      // Reading a file of a cgroup removed while open fails with ENODEV rather than ENOENT.
      if (!Files.isDirectory(dir)) {
        throw new SourceGoneException("cgroup " + dir + " no longer exists");
      }
      throw e;
    }
  }
}
