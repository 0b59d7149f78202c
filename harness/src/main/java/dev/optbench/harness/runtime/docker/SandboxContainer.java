package dev.optbench.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import dev.optbench.harness.cgroup.CgroupFs;
import dev.optbench.harness.cgroup.CgroupLocator;
import dev.optbench.harness.runtime.RuntimeUnavailableException;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.runtime.UnitUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started benchmark container: its id and name, the host pid of its PID 1 (the idle
 * optbench-exec), its cgroup folders on the host (empty when the engine is not local) and, when the
 * cgroup file system is writable here, the unit cgroups its units run in.
 */
record SandboxContainer(
    String id,
    String name,
    long initPid,
    Map<String, Path> cgroupDirs,
    Optional<UnitCgroups> unitCgroups) {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxContainer.class);

  /**
   * Creates and starts the container; removes it again if anything after creation fails.
   *
   * @param hostCgroups the host's cgroup file system when the engine is local and runs with the
   *     cgroupfs driver; empty for totals from rusage
   * @param bindWorkDir the engine shares this machine's files: bind the work folder; otherwise the
   *     container gets its own /work volume, which the engine removes with the container
   */
  static SandboxContainer start(
      DockerClient docker,
      String image,
      String variant,
      SandboxLimits limits,
      Optional<CgroupFs> hostCgroups,
      boolean bindWorkDir) {
    boolean local = hostCgroups.isPresent();
    String name = "optbench-" + safe(variant) + "-" + UUID.randomUUID().toString().substring(0, 8);
    String user = UnitUser.forContainer(limits.workDir()).spec(); // never root, see UnitUser
    String[] uidGid = user.split(":");
    Optional<UnitCgroups> units =
        hostCgroups.flatMap(
            fs ->
                UnitCgroups.create(
                    fs,
                    name,
                    limits.cpuset(),
                    limits.memoryBytes(),
                    Integer.parseInt(uidGid[0]),
                    Integer.parseInt(uidGid[1])));
    HostConfig hostConfig = SandboxHostConfig.of(limits, bindWorkDir, units.isEmpty());
    units.ifPresent(
        u -> {
          List<Bind> binds = new ArrayList<>();
          if (hostConfig.getBinds() != null) {
            binds.addAll(List.of(hostConfig.getBinds()));
          }
          binds.addAll(u.binds());
          hostConfig.withBinds(binds).withCgroupParent(UnitCgroups.cgroupParent(name));
          if (u.isV2()) {
            // v2 mounts cgroup2 with nsdelegate: in a private cgroup namespace rooted at the
            // container's cgroup, a unit could not move to its sibling unit cgroup.
            hostConfig.withCgroupnsMode("host");
          }
        });
    String id;
    try {
      id =
          docker
              .createContainerCmd(image)
              .withName(name)
              .withLabels(ContainerLabels.forContainer(variant, limits.labels()))
              .withHostConfig(hostConfig)
              .withVolumes(bindWorkDir ? List.of() : List.of(SandboxHostConfig.WORK_VOLUME))
              .withNetworkDisabled(true)
              .withUser(user)
              .exec()
              .getId();
    } catch (RuntimeException e) {
      units.ifPresent(UnitCgroups::remove);
      if (!(e instanceof NotFoundException)) {
        throw e;
      }
      throw new RuntimeUnavailableException(
          "image "
              + image
              + " of variant "
              + variant
              + " is not in the engine; build it first"
              + " (VariantImageBuilder) — there is no registry to pull from",
          e);
    }
    try {
      docker.startContainerCmd(id).exec();
      InspectContainerResponse inspect = docker.inspectContainerCmd(id).exec();
      long pid = inspect.getState().getPidLong();
      Map<String, Path> dirs = local ? CgroupLocator.locate(pid) : Map.of();
      if (local && !dirs.isEmpty()) {
        protectFromOomKiller(pid);
      }
      return new SandboxContainer(id, name, pid, dirs, units);
    } catch (DockerException | IllegalStateException e) {
      docker.removeContainerCmd(id).withForce(true).exec();
      units.ifPresent(UnitCgroups::remove);
      throw new RuntimeUnavailableException(
          "container " + name + " for variant " + variant + " did not start: " + e.getMessage(), e);
    }
  }

  /**
   * The unit, not the idle PID 1, must be the OOM killer's choice, or the container dies with the
   * first unit over the limit. PID 1 is tiny, so the kernel would not pick it anyway; -1000 makes
   * that a rule. Needs root on the host (units inside cannot lower it: no CAP_SYS_RESOURCE).
   */
  private static final java.util.concurrent.atomic.AtomicBoolean OOM_SCORE_NOTED =
      new java.util.concurrent.atomic.AtomicBoolean();

  private static void protectFromOomKiller(long hostPid) {
    try {
      Files.writeString(Path.of("/proc", Long.toString(hostPid), "oom_score_adj"), "-1000");
    } catch (IOException e) {
      // Seen where the host withholds CAP_SYS_RESOURCE even from root (some VMs). PID 1 is the
      // idle helper (~100 KiB), so the kernel still picks the unit, which holds the memory.
      // Said once per JVM: it is a fact about the host, not about this container.
      if (!OOM_SCORE_NOTED.compareAndSet(false, true)) {
        return;
      }
      LOG.info(
          "cannot lower the OOM score of the container's idle PID 1 ({}: {}); the unit remains the"
              + " OOM killer's choice",
          hostPid,
          e.getMessage());
    }
  }

  static String safe(String variant) {
    String s = variant.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
    return s.isEmpty() ? "variant" : s;
  }
}
