package dev.optbench.harness.metrics;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a collector can sample.
 *
 * @param name container name or cgroup name; the {@code container_name} tag
 * @param containerId Docker container id, when the runtime is docker
 * @param cgroupDirs controller name ("memory", "cpuacct", ... or "unified" on v2) to the host
 *     folder of the target's cgroup; empty for the process runtime
 */
public record MeasurementTarget(
    String name, Optional<String> containerId, Map<String, Path> cgroupDirs) {
  public MeasurementTarget {
    cgroupDirs = Map.copyOf(cgroupDirs);
  }
}
