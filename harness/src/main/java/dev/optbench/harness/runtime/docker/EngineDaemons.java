package dev.optbench.harness.runtime.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The processes of a Docker engine on this host that carry every request (dockerd, containerd and
 * the per-container shims), found by their command names in /proc. The engine's API does not say
 * its pid, and a socket's owner is no easier to find; every such daemon on the host is named, so a
 * second engine (a test's) is included too, which only widens what the caller protects.
 */
public final class EngineDaemons {
  /** /proc/<pid>/comm, which the kernel cuts to 15 characters ("containerd-shim-runc-v2"). */
  static final Set<String> NAMES = Set.of("dockerd", "containerd", "containerd-shim");

  private EngineDaemons() {}

  /** Their pids now, in /proc order. */
  public static List<Long> onThisHost() {
    return onThisHost(Path.of("/proc"));
  }

  static List<Long> onThisHost(Path proc) {
    try (Stream<Path> entries = Files.list(proc)) {
      return entries
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(p -> NAMES.contains(comm(p)))
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + proc, e);
    }
  }

  private static String comm(Path pidDir) {
    try {
      return Files.readString(pidDir.resolve("comm")).strip();
    } catch (IOException gone) {
      return ""; // exited while listed
    }
  }
}
