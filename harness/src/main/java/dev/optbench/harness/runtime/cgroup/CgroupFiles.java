package dev.optbench.harness.runtime.cgroup;

import dev.optbench.harness.metrics.ResourceUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes cgroup control files. Readers never throw for a missing or unreadable file: a
 * counter the kernel does not offer is {@link ResourceUsage#UNKNOWN}, so one old kernel does not
 * lose every other number.
 */
final class CgroupFiles {
  private CgroupFiles() {}

  /** First token of the file as a number; {@code UNKNOWN} if missing or not a number. */
  static long readLong(Path file) {
    String text = readString(file).strip();
    if (text.isEmpty()) {
      return ResourceUsage.UNKNOWN;
    }
    try {
      return Long.parseLong(text.split("\\s+")[0]);
    } catch (NumberFormatException e) {
      return ResourceUsage.UNKNOWN;
    }
  }

  /** "key value" lines (cpu.stat, memory.events, memory.oom_control); empty if missing. */
  static Map<String, Long> readKeyed(Path file) {
    Map<String, Long> values = new LinkedHashMap<>();
    for (String line : readString(file).split("\n")) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length == 2) {
        try {
          values.put(parts[0], Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
          // not a counter (e.g. "max"): leave it out rather than guess
        }
      }
    }
    return values;
  }

  static long keyed(Path file, String key) {
    return readKeyed(file).getOrDefault(key, ResourceUsage.UNKNOWN);
  }

  /** Whole file, empty string if it does not exist or cannot be read. */
  static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  /** Writes one value; the kernel applies it on this single write, so no temp file + rename. */
  static void write(Path file, String value) {
    try {
      Files.writeString(file, value);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException(
          "cgroup control file " + file + " does not exist; is the controller mounted?", e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write '" + value.strip() + "' to " + file + ": " + e.getMessage(), e);
    }
  }

  /** Sum of two counters, {@code UNKNOWN} if either is unknown. */
  static long plus(long a, long b) {
    return a < 0 || b < 0 ? ResourceUsage.UNKNOWN : a + b;
  }
}
