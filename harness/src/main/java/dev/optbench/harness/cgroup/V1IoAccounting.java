package dev.optbench.harness.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns on block I/O accounting for a v1 blkio cgroup. The kernel fills {@code
 * blkio.throttle.io_service_bytes} only for devices that have a throttle rule in that cgroup;
 * without one every counter stays 0, even for O_DIRECT I/O (seen on Linux 6.18 here). So each block
 * device gets a read and a write rule of 1 TiB/s, far above any real device: it never throttles, it
 * only makes the kernel count.
 *
 * <p>Then counted: reads that miss the page cache, O_DIRECT writes, and writes flushed in the
 * unit's own context (fsync). Not counted: dirty pages the kernel's flusher threads write back
 * later, which v1 does not attribute to the cgroup that dirtied them (measured here: 32 MiB written
 * with {@code dd conv=fsync} counted 32 MiB).
 */
final class V1IoAccounting {
  static final Path SYS_BLOCK = Path.of("/sys/block");
  static final String NEVER_THROTTLES = "1099511627776"; // bytes/s = 1 TiB/s

  private V1IoAccounting() {}

  static void enable(Path blkioDir, Path sysBlock) {
    for (String device : devices(sysBlock)) {
      for (String file :
          List.of("blkio.throttle.read_bps_device", "blkio.throttle.write_bps_device")) {
        try {
          Files.writeString(blkioDir.resolve(file), device + " " + NEVER_THROTTLES);
        } catch (IOException e) {
          // a device without a request queue refuses rules; it does no I/O to count either
        }
      }
    }
  }

  /** "MAJ:MIN" of every block device in /sys/block. */
  static List<String> devices(Path sysBlock) {
    if (!Files.isDirectory(sysBlock)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(sysBlock)) {
      return entries
          .map(d -> CgroupFiles.readString(d, "dev").strip())
          .filter(dev -> dev.matches("\\d+:\\d+"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list block devices in " + sysBlock, e);
    }
  }
}
