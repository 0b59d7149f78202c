package dev.optbench.harness.runtime.process;

import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.RuntimeUnavailableException;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.runtime.UnitUser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fallback runtime: units run as plain processes, see {@link ProcessSandbox}. */
public final class ProcessRuntime implements ContainerRuntime {
  public static final String NAME = "process";
  private static final Logger LOG = LoggerFactory.getLogger(ProcessRuntime.class);

  private final Path cacheDir;

  public ProcessRuntime(Path cacheDir) {
    this.cacheDir = cacheDir;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Sandbox open(VariantRef variant, SandboxLimits limits) {
    requireWorkDir(limits.workDir());
    LOG.warn(
        "process runtime: variant {} runs without isolation; cpuset '{}' and memory limit {} bytes"
            + " are NOT enforced and peak memory is RSS only",
        variant.name(),
        limits.cpuset(),
        limits.memoryBytes());
    return new ProcessSandbox(variant, limits, VariantPrograms.execHelper(variant, cacheDir));
  }

  /**
   * Shared with the cgroup runtime: units run in the work dir, so it must exist, and belong to the
   * unprivileged user they run as.
   */
  public static void requireWorkDir(Path workDir) {
    if (!Files.isDirectory(workDir)) {
      throw new RuntimeUnavailableException(
          "work dir " + workDir + " does not exist; create it or pass another one");
    }
    UnitUser.forHostUnits().own(workDir);
  }
}
