package dev.optbench.benchmarks.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The build cache: writable, with room for sources and builds. The cache itself is not created: one
 * that does not exist yet is judged by the folder it would be created in.
 */
public final class CacheCheck implements Check {
  /** A minimal variant takes ~100 MiB, the source ~500 MiB unpacked, a full build ~1 GiB. */
  public static final long MIN_FREE_BYTES = 5L << 30;

  private final Path dir;
  private final long minFreeBytes;

  public CacheCheck(Path dir, long minFreeBytes) {
    this.dir = dir.toAbsolutePath();
    this.minFreeBytes = minFreeBytes;
  }

  public CacheCheck(Path dir) {
    this(dir, MIN_FREE_BYTES);
  }

  @Override
  public String name() {
    return "build cache";
  }

  @Override
  public List<Finding> run() throws IOException {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    String what = "build cache " + dir + (existing == dir ? "" : " (not created yet)");
    String fix = "give --cache DIR or set $OPTBENCH_CACHE to a writable folder";
    if (existing == null || !Files.isDirectory(existing)) {
      return List.of(
          Finding.fail(what + ": cannot be created, " + existing + " is no folder", fix));
    }
    Optional<String> unwritable = probeWrite(existing);
    if (unwritable.isPresent()) {
      return List.of(
          Finding.fail(
              what + ": " + existing + " is not writable (" + unwritable.get() + ")", fix));
    }
    long free = Files.getFileStore(existing).getUsableSpace();
    String freeText = gib(free) + " free";
    if (free < minFreeBytes) {
      return List.of(
          Finding.warn(
              what + ": writable, only " + freeText,
              "builds and sources need up to " + gib(minFreeBytes) + ": free space, or " + fix));
    }
    return List.of(Finding.ok(what + ": writable, " + freeText));
  }

  // Files.isWritable asks access(2), which says yes to root on /proc and on some read-only
  // mounts; creating (and removing) a folder is the only answer that holds.
  private static Optional<String> probeWrite(Path folder) {
    try {
      Files.delete(Files.createTempDirectory(folder, ".optbench-doctor-"));
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
  }
}
