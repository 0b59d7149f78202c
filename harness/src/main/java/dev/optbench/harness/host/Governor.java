package dev.optbench.harness.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The cpufreq scaling governors of the host's CPUs. Anything but {@code performance} lets the
 * frequency, and so the timings, drift with load. VMs and some kernels expose no cpufreq at all:
 * that is "unknown", not a warning.
 */
public final class Governor {
  public static final Path DEFAULT_CPU_DIR = Path.of("/sys/devices/system/cpu");
  public static final String PERFORMANCE = "performance";

  private Governor() {}

  /** "performance", "powersave", several joined by "," if CPUs differ, or "unknown". */
  public static String read(Path cpuDir) {
    Set<String> governors = new TreeSet<>();
    try (Stream<Path> cpus = Files.list(cpuDir)) {
      cpus.filter(p -> p.getFileName().toString().matches("cpu[0-9]+"))
          .map(p -> p.resolve("cpufreq/scaling_governor"))
          .filter(Files::isReadable)
          .forEach(p -> governors.add(readQuietly(p)));
    } catch (IOException e) {
      return HostInfo.UNKNOWN;
    }
    governors.remove("");
    return governors.isEmpty() ? HostInfo.UNKNOWN : String.join(",", governors);
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
