package dev.optbench.harness.runtime.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a container's cgroup v1 counters on the host: CPU (cpuacct), peak memory and OOM kills
 * (memory), block I/O (blkio). Per-unit totals are the difference of two {@link Snapshot}s; the
 * peak counter is reset to the current usage before each unit instead, as the kernel cannot
 * subtract peaks.
 */
public final class CgroupV1Counters {
  private final Path cpuacct;
  private final Path memory;
  private final Path blkio;

  private CgroupV1Counters(Path cpuacct, Path memory, Path blkio) {
    this.cpuacct = cpuacct;
    this.memory = memory;
    this.blkio = blkio;
  }

  /**
   * Counters of the cgroups in {@code dirs}, if this process can read and reset them: the engine
   * must run on this machine and the JVM as root (writing the peak reset needs it).
   */
  public static Optional<CgroupV1Counters> of(Map<String, Path> dirs) {
    Path cpuacct = dirs.get("cpuacct");
    Path memory = dirs.get("memory");
    Path blkio = dirs.get("blkio");
    if (cpuacct == null || memory == null || blkio == null) {
      return Optional.empty();
    }
    Path peak = memory.resolve("memory.max_usage_in_bytes");
    if (!Files.isReadable(cpuacct.resolve("cpuacct.usage")) || !Files.isWritable(peak)) {
      return Optional.empty();
    }
    return Optional.of(new CgroupV1Counters(cpuacct, memory, blkio));
  }

  /** Cumulative counters at one instant. */
  public record Snapshot(
      long cpuTotalNanos,
      long cpuUserNanos,
      long cpuSystemNanos,
      long ioReadBytes,
      long ioWriteBytes,
      long oomKills,
      long memoryFailures) {}

  public Snapshot snapshot() {
    long[] io = parseBlkio(lines(blkio.resolve("blkio.throttle.io_service_bytes")));
    return new Snapshot(
        number(cpuacct.resolve("cpuacct.usage")),
        number(cpuacct.resolve("cpuacct.usage_user")),
        number(cpuacct.resolve("cpuacct.usage_sys")),
        io[0],
        io[1],
        parseOomKills(lines(memory.resolve("memory.oom_control"))),
        number(memory.resolve("memory.failcnt")));
  }

  /** Sets the peak to the current usage, so the next read is the peak since now. */
  public void resetPeak() {
    try {
      Files.writeString(memory.resolve("memory.max_usage_in_bytes"), "0");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reset the memory peak in " + memory, e);
    }
  }

  public long peakBytes() {
    return number(memory.resolve("memory.max_usage_in_bytes"));
  }

  /** Sums the per-device Read and Write rows; the Total rows would count twice. */
  static long[] parseBlkio(List<String> lines) {
    long read = 0;
    long write = 0;
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 3 && f[1].equals("Read")) {
        read += Long.parseLong(f[2]);
      } else if (f.length == 3 && f[1].equals("Write")) {
        write += Long.parseLong(f[2]);
      }
    }
    return new long[] {read, write};
  }

  /** The {@code oom_kill} line of memory.oom_control (kernel 4.13+); 0 on older kernels. */
  static long parseOomKills(List<String> lines) {
    return lines.stream()
        .map(String::trim)
        .filter(l -> l.startsWith("oom_kill "))
        .mapToLong(l -> Long.parseLong(l.substring("oom_kill ".length()).trim()))
        .findFirst()
        .orElse(0);
  }

  private static long number(Path file) {
    try {
      return Long.parseLong(Files.readString(file).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + "; was the container removed?", e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + "; was the container removed?", e);
    }
  }
}
