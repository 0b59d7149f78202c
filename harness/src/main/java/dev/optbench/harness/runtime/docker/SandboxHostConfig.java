package dev.optbench.harness.runtime.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.optbench.harness.runtime.SandboxLimits;
import java.util.List;
import java.util.Map;

/**
 * The isolation of a benchmark container, in one place: no network, no capabilities, no privilege
 * gain, read-only root, a private /tmp, the work folder at /work, pinned CPUs, a hard memory limit
 * without swap and a pids limit.
 */
final class SandboxHostConfig {
  static final String WORK_DIR = "/work";

  /** Enough for ffmpeg's threads; stops a fork bomb long before the host notices. */
  static final long PIDS_LIMIT = 512;

  /** ffmpeg and tests write scratch files here; memory-backed, so it counts against the limit. */
  static final String TMPFS_OPTIONS = "rw,nosuid,nodev,noexec,size=64m";

  private SandboxHostConfig() {}

  static HostConfig of(SandboxLimits limits) {
    HostConfig config =
        HostConfig.newHostConfig()
            .withNetworkMode("none")
            .withCapDrop(Capability.ALL)
            .withSecurityOpts(List.of("no-new-privileges"))
            .withReadonlyRootfs(true)
            .withTmpFs(Map.of("/tmp", TMPFS_OPTIONS))
            .withBinds(
                new Bind(
                    limits.workDir().toAbsolutePath().toString(),
                    new Volume(WORK_DIR),
                    AccessMode.rw))
            .withMemory(limits.memoryBytes())
            // memory+swap = memory: no swap, so the limit is a hard one and OOM is an OOM.
            .withMemorySwap(limits.memoryBytes())
            .withPidsLimit(PIDS_LIMIT)
            .withInit(false); // optbench-exec --idle is PID 1 and reaps
    if (limits.cpuset() != null && !limits.cpuset().isBlank()) {
      config.withCpusetCpus(limits.cpuset());
    }
    return config;
  }
}
