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
 * without swap and a pids limit. On an engine that does not share this machine's files the work
 * folder is the container's own volume, mirrored through the API ({@link RemoteWorkFolder}).
 */
final class SandboxHostConfig {
  static final String WORK_DIR = "/work";

  /** /work as a volume: the anonymous one of a remote engine's container, or the bind's target. */
  static final Volume WORK_VOLUME = new Volume(WORK_DIR);

  /** Enough for ffmpeg's threads; stops a fork bomb long before the host notices. */
  static final long PIDS_LIMIT = 512;

  /**
   * The top CPU weight through the API: docker's maximum cpu-shares (linuxMaxCPUShares, the v1
   * kernel's MAX_SHARES, 2^18; the default is 1024). On cgroup v2 runc maps it to cpu.weight 1 +
   * (shares - 2) * 9999 / 262142 = 10000, v2's maximum.
   */
  static final long TOP_CPU_SHARES = 262144;

  /** ffmpeg and tests write scratch files here; memory-backed, so it counts against the limit. */
  static final String TMPFS_OPTIONS = "rw,nosuid,nodev,noexec,size=64m";

  private SandboxHostConfig() {}

  /**
   * @param bindWorkDir bind the host's work folder at /work (a local engine); otherwise /work is a
   *     volume of the container's own ({@link #WORK_VOLUME})
   * @param topWeight give the container the top CPU weight ({@link #TOP_CPU_SHARES}) through the
   *     API: where units run in the container's own cgroup (a remote engine, or a local one whose
   *     cgroups this JVM cannot write), since the weight the cgroup layer writes on the host
   *     reaches only the unit cgroups it makes
   */
  static HostConfig of(SandboxLimits limits, boolean bindWorkDir, boolean topWeight) {
    HostConfig config =
        HostConfig.newHostConfig()
            .withNetworkMode("none")
            .withCapDrop(Capability.ALL)
            .withSecurityOpts(List.of("no-new-privileges"))
            .withReadonlyRootfs(true)
            .withTmpFs(Map.of("/tmp", TMPFS_OPTIONS))
            .withMemory(limits.memoryBytes())
            // memory+swap = memory: no swap, so the limit is a hard one and OOM is an OOM.
            .withMemorySwap(limits.memoryBytes())
            .withPidsLimit(PIDS_LIMIT)
            .withInit(false); // optbench-exec --idle is PID 1 and reaps
    if (bindWorkDir) {
      config.withBinds(
          new Bind(limits.workDir().toAbsolutePath().toString(), WORK_VOLUME, AccessMode.rw));
    }
    if (limits.cpuset() != null && !limits.cpuset().isBlank()) {
      config.withCpusetCpus(limits.cpuset());
    }
    if (topWeight) {
      config.withCpuShares((int) TOP_CPU_SHARES);
    }
    return config;
  }
}
