package dev.optbench.harness.runtime;

import java.nio.file.Path;
import java.util.Map;

/**
 * Limits and placement of one variant's sandbox.
 *
 * @param cpuset CPUs the units may use, cpuset syntax ("0", "0-1"); empty means all
 * @param memoryBytes hard memory limit; a unit above it is OOM-killed and recorded as such
 * @param workDir host folder the units read inputs from and write outputs to; mounted at {@code
 *     /work} in containers, the working directory elsewhere
 * @param labels recorded on the container/cgroup (run id, variant) so leftovers can be found
 */
public record SandboxLimits(
    String cpuset, long memoryBytes, Path workDir, Map<String, String> labels) {
  public static final long DEFAULT_MEMORY_BYTES = 2L << 30;

  public SandboxLimits {
    labels = Map.copyOf(labels);
  }
}
