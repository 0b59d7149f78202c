package dev.optbench.harness.runtime.cgroup;

import static dev.optbench.harness.metrics.ResourceUsage.UNKNOWN;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses {@code blkio.throttle.io_service_bytes}: lines {@code "MAJ:MIN Read|Write|Sync|Async|
 * Discard|Total BYTES"} per device and a final {@code "Total BYTES"}. The kernel fills it only for
 * devices with a throttle rule, which {@link V1IoAccounting} installs; what it counts and what not
 * is described there.
 */
final class V1Blkio {
  private V1Blkio() {}

  /** {read, write} bytes summed over devices; UNKNOWN when the file is missing. */
  static long[] readBytes(Path file) {
    if (!Files.exists(file)) {
      return new long[] {UNKNOWN, UNKNOWN};
    }
    long read = 0;
    long write = 0;
    for (String line : CgroupFiles.readString(file).split("\n")) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length != 3 || !parts[0].contains(":")) {
        continue; // the "Total N" line or a blank one
      }
      try {
        long bytes = Long.parseLong(parts[2]);
        if (parts[1].equals("Read")) {
          read += bytes;
        } else if (parts[1].equals("Write")) {
          write += bytes;
        }
      } catch (NumberFormatException e) {
        return new long[] {UNKNOWN, UNKNOWN};
      }
    }
    return new long[] {read, write};
  }
}
