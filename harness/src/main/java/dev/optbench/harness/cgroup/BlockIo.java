package dev.optbench.harness.cgroup;

import static dev.optbench.harness.metrics.ResourceUsage.UNKNOWN;

import java.nio.file.Path;

/**
 * The two block I/O files: v1 {@code blkio.throttle.io_service_bytes} (lines {@code "MAJ:MIN
 * Read|Write|Sync|Async|Discard|Total BYTES"} per device and a final {@code "Total BYTES"}; the
 * kernel fills it only for devices with a throttle rule, which {@link V1IoAccounting} installs) and
 * v2 {@code io.stat} ({@code "MAJ:MIN rbytes=N wbytes=N rios=N ..."} per device). Both give {read,
 * write} summed over devices; UNKNOWN when the file is missing or a value is not a number.
 */
final class BlockIo {
  static final String V1_FILE = "blkio.throttle.io_service_bytes";
  static final String V2_FILE = "io.stat";

  private BlockIo() {}

  static long[] readV1(Path dir) {
    if (dir == null || !CgroupFiles.exists(dir, V1_FILE)) {
      return new long[] {UNKNOWN, UNKNOWN};
    }
    long read = 0;
    long write = 0;
    for (String line : CgroupFiles.readString(dir, V1_FILE).split("\n")) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length != 3 || !parts[0].contains(":")) {
        continue; // the "Total N" line or a blank one; per-device "Total" rows would count twice
      }
      long bytes = CgroupFiles.parseLong(parts[2]);
      if (bytes < 0) {
        return new long[] {UNKNOWN, UNKNOWN};
      }
      if (parts[1].equals("Read")) {
        read += bytes;
      } else if (parts[1].equals("Write")) {
        write += bytes;
      }
    }
    return new long[] {read, write};
  }

  static long[] readV2(Path dir) {
    if (!CgroupFiles.exists(dir, V2_FILE)) {
      return new long[] {UNKNOWN, UNKNOWN};
    }
    long read = 0;
    long write = 0;
    for (String line : CgroupFiles.readString(dir, V2_FILE).split("\n")) {
      for (String field : line.strip().split("\\s+")) {
        boolean r = field.startsWith("rbytes=");
        if (r || field.startsWith("wbytes=")) {
          long value = CgroupFiles.parseLong(field.substring("rbytes=".length()));
          if (value < 0) {
            return new long[] {UNKNOWN, UNKNOWN};
          }
          read += r ? value : 0;
          write += r ? 0 : value;
        }
      }
    }
    return new long[] {read, write};
  }
}
