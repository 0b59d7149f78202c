package dev.optbench.harness.cgroup;

import static dev.optbench.harness.metrics.ResourceUsage.UNKNOWN;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes cgroup interface files, with the one policy every reader follows:
 *
 * <ul>
 *   <li>a <b>missing file</b> in an existing cgroup folder is a counter the kernel does not offer
 *       (older kernel, controller not enabled): {@link
 *       dev.optbench.harness.metrics.ResourceUsage#UNKNOWN}, an empty map or an empty string, so
 *       one absent counter does not lose the others;
 *   <li>a value that is not a number ({@code max}, garbage) is {@code UNKNOWN} as well, never a
 *       guess and never an exception;
 *   <li>a <b>vanished folder</b> means the cgroup was removed: {@link CgroupGoneException}. Reading
 *       a file of a cgroup removed while open fails with ENODEV rather than ENOENT, so any read
 *       error is checked against the folder.
 *   <li>a missing or blank <b>core file</b> (one the kernel creates, with a value, in every cgroup
 *       of that controller, such as {@code cpuacct.usage} or {@code cpu.stat}) means the cgroup is
 *       being removed: the kernel drops a folder's files before the folder, and a reading taken in
 *       that window must not pass for a whole one ({@link #readCoreLong}, {@link #readCoreKeyed}).
 * </ul>
 */
final class CgroupFiles {
  private CgroupFiles() {}

  /** First token of {@code dir/name} as a number. */
  static long readLong(Path dir, String name) {
    return parseLong(firstToken(readString(dir, name)));
  }

  /** Like {@link #readLong}, for a file every live cgroup of its controller has. */
  static long readCoreLong(Path dir, String name) {
    return parseLong(firstToken(readCore(dir, name)));
  }

  /** Like {@link #readKeyed}, for a file every live cgroup of its controller has. */
  static Map<String, Long> readCoreKeyed(Path dir, String name) {
    return parseKeyed(readCore(dir, name));
  }

  private static String readCore(Path dir, String name) {
    String text = readString(dir, name);
    // A live cgroup's core file always holds a value: read blank, whether the file is already
    // gone or its read failed while the folder was still listed, it is a cgroup being removed
    // (a sample with CPU but no memory was seen in CI: 24 vs 23 readings).
    if (text.isBlank()) {
      throw new CgroupGoneException(
          "cgroup " + dir + " is being removed (" + name + " read blank)");
    }
    return text;
  }

  /** "key value" lines (cpu.stat, memory.stat, memory.events, memory.oom_control). */
  static Map<String, Long> readKeyed(Path dir, String name) {
    return parseKeyed(readString(dir, name));
  }

  private static Map<String, Long> parseKeyed(String text) {
    Map<String, Long> values = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String[] parts = line.strip().split("\\s+");
      long value = parts.length == 2 ? parseLong(parts[1]) : UNKNOWN;
      if (value != UNKNOWN) {
        values.put(parts[0], value);
      }
    }
    return values;
  }

  /**
   * The {@code total=} (microseconds) of one line of a pressure file ({@code cpu.pressure}: "some
   * avg10=0.00 avg60=0.00 avg300=0.00 total=1234"); {@code UNKNOWN} without the file or the line
   * (kernels without PSI, or with {@code psi=0}).
   */
  static long pressureTotalMicros(Path dir, String name, String line) {
    for (String l : readString(dir, name).split("\n")) {
      String[] parts = l.strip().split("\\s+");
      if (parts.length > 0 && parts[0].equals(line)) {
        for (String part : parts) {
          if (part.startsWith("total=")) {
            return parseLong(part.substring("total=".length()));
          }
        }
      }
    }
    return UNKNOWN;
  }

  static long keyed(Path dir, String name, String key) {
    return readKeyed(dir, name).getOrDefault(key, UNKNOWN);
  }

  /** The whole file; empty when the file is missing or unreadable in an existing folder. */
  static String readString(Path dir, String name) {
    try {
      return Files.readString(dir.resolve(name));
    } catch (NoSuchFileException e) {
      if (!Files.isDirectory(dir)) {
        throw new CgroupGoneException("cgroup " + dir + " no longer exists");
      }
      return "";
    } catch (IOException e) {
      // ENODEV: the cgroup is being removed, while its folder may still be listed for a moment;
      // a reading taken half before and half after must not pass for a whole one.
      if (!Files.isDirectory(dir) || String.valueOf(e.getMessage()).contains("No such device")) {
        throw new CgroupGoneException("cgroup " + dir + " no longer exists");
      }
      return "";
    }
  }

  static boolean exists(Path dir, String name) {
    if (!Files.isDirectory(dir)) {
      throw new CgroupGoneException("cgroup " + dir + " no longer exists");
    }
    return Files.exists(dir.resolve(name));
  }

  /** A number, or {@code UNKNOWN} for anything else ("max", blank, garbage, negative). */
  static long parseLong(String text) {
    try {
      long value = Long.parseLong(text.strip());
      return value < 0 ? UNKNOWN : value;
    } catch (NumberFormatException e) {
      return UNKNOWN;
    }
  }

  private static String firstToken(String text) {
    String stripped = text.strip();
    int blank = stripped.indexOf(' ');
    int newline = stripped.indexOf('\n');
    int end = blank < 0 ? newline : newline < 0 ? blank : Math.min(blank, newline);
    return end < 0 ? stripped : stripped.substring(0, end);
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
    return a < 0 || b < 0 ? UNKNOWN : a + b;
  }
}
