package dev.optbench.harness.metrics.collect;

import dev.optbench.harness.runtime.MeasurementTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads one cgroup's counters, named by {@link dev.optbench.harness.metrics.MetricSchema}, in the
 * schema's units (ns, bytes, counts). Implementations take folder paths, so tests feed them fake
 * trees.
 */
public interface CgroupStatsReader {

  /**
   * @throws SourceGoneException when the cgroup folder is gone
   */
  Map<String, Double> read() throws IOException;

  /** The folder(s) read, for messages. */
  String describe();

  /**
   * Picks v1 or v2 from the target's folders: v1 controller keys ({@code cpuacct}, {@code memory},
   * {@code blkio}) mean cgroup v1 (hybrid hosts also mount "unified", but without controllers),
   * otherwise {@code unified} means v2.
   */
  static CgroupStatsReader forTarget(MeasurementTarget target) {
    Map<String, Path> dirs = target.cgroupDirs();
    // Runtimes name the CPU accounting folder after its mount: cpuacct, cpu,cpuacct or cpu.
    Path cpuacct = dirs.getOrDefault("cpuacct", dirs.getOrDefault("cpu,cpuacct", dirs.get("cpu")));
    Path memory = dirs.get("memory");
    if (cpuacct != null || memory != null || dirs.containsKey("blkio")) {
      return new CgroupV1StatsReader(cpuacct, memory, dirs.get("blkio"));
    }
    if (dirs.containsKey("unified")) {
      return new CgroupV2StatsReader(dirs.get("unified"));
    }
    throw new IllegalArgumentException(
        "Target "
            + target.name()
            + " has no cgroup folders (got "
            + dirs.keySet()
            + "); the cgroup collector needs a docker or cgroup runtime, not the process one");
  }
}
