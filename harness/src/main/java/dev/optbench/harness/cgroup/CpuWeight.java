package dev.optbench.harness.cgroup;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The top CPU weight for every cgroup optbench makes, so the scheduler favours a runnable unit over
 * the host's other work (issue 13: contention kept out where the host allows). A weight only counts
 * against siblings, so every level of the path gets it, not just the leaf: {@code optbench/}
 * competes with the host's other top-level cgroups (and, on v1, with each task in the root).
 *
 * <p>Best effort: a host without the cpu controller, or one that refuses the write, still runs the
 * units at the default weight; that is said once per file system, never a failure.
 */
final class CpuWeight {
  private static final Logger LOG = LoggerFactory.getLogger(CpuWeight.class);

  /** v1 {@code cpu.shares} maximum (the kernel's MAX_SHARES, 2^18); the default is 1024. */
  static final CpuWeight V1 = new CpuWeight("cpu.shares", 262144);

  /** v2 {@code cpu.weight} maximum; the default is 100. */
  static final CpuWeight V2 = new CpuWeight("cpu.weight", 10000);

  private final String file;
  private final long value;
  private final AtomicBoolean said = new AtomicBoolean();

  private CpuWeight(String file, long value) {
    this.file = file;
    this.value = value;
  }

  /** A fresh instance that says its problem once (one per {@link CgroupFs}). */
  CpuWeight fresh() {
    return new CpuWeight(file, value);
  }

  String file() {
    return file;
  }

  long value() {
    return value;
  }

  /** "cpu.shares 262144": for the runtime's description line. */
  String describe() {
    return file + " " + value;
  }

  /** Writes the weight into {@code dir} and every level above it up to (not including) root. */
  void applyAlong(Path root, String path) {
    Path dir = root;
    for (String level : CgroupTree.levels(path)) {
      dir = dir.resolve(level);
      apply(dir);
    }
  }

  private void apply(Path dir) {
    Path target = dir.resolve(file);
    if (!Files.exists(target)) {
      sayOnce(target + " does not exist (cpu controller not enabled there)");
      return;
    }
    try {
      CgroupFiles.write(target, Long.toString(value));
    } catch (UncheckedIOException e) {
      sayOnce(e.getMessage());
    }
  }

  private void sayOnce(String why) {
    if (said.compareAndSet(false, true)) {
      LOG.warn("units run at the default CPU weight, not {}: {}", describe(), why);
    }
  }
}
