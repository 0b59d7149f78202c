package dev.optbench.harness.runtime.docker;

import dev.optbench.harness.cache.CacheDir;
import dev.optbench.harness.cgroup.AllowedCores;
import dev.optbench.harness.cgroup.CgroupFs;
import dev.optbench.harness.cgroup.CgroupVersion;
import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.host.LogicalCores;
import dev.optbench.harness.image.ImageRequest;
import dev.optbench.harness.image.VariantImageBuilder;
import dev.optbench.harness.metrics.Collector;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.metrics.collect.DockerStatsCollector;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.RuntimeUnavailableException;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import dev.optbench.harness.runtime.UnitUser;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each variant in its own container from the variant's image ({@link VariantRef#image()}).
 * Totals come from each unit's own cgroup (v1 or v2, see {@link UnitCgroups}) read on the host,
 * which needs a local engine (unix socket) with the cgroupfs driver, and root; otherwise the
 * numbers fall back to optbench-exec's rusage and say so in {@code source}.
 *
 * <p>An engine that is not local ({@link DockerEngine#isLocal()}: anything but a unix socket, so a
 * tcp:// engine on this very machine counts as remote and proves the path) shares neither files nor
 * cgroup files with this JVM: the work folder travels through the API ({@link RemoteWorkFolder})
 * and optbench-exec takes the totals inside the container ({@code --totals}, {@link
 * UnitMeasurement#fromContainer}), sources {@code docker-remote/...}.
 */
public final class DockerRuntime implements ContainerRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(DockerRuntime.class);
  private final DockerEngine engine;
  private final boolean useHostCgroups;
  private Optional<CgroupFs> hostCgroups;

  public DockerRuntime(DockerEngine engine) {
    this(engine, engine.isLocal());
  }

  /**
   * @param useHostCgroups read and create cgroups under the host's /sys/fs/cgroup; only right when
   *     the engine runs on this machine. Without them totals come from optbench-exec's rusage.
   */
  DockerRuntime(DockerEngine engine, boolean useHostCgroups) {
    this.engine = engine;
    this.useHostCgroups = useHostCgroups;
  }

  @Override
  public String name() {
    return "docker";
  }

  @Override
  public List<String> removeLeftovers() {
    return new DockerJanitor(engine).removeLeftovers();
  }

  @Override
  public Sandbox open(VariantRef variant, SandboxLimits limits) {
    String image =
        variant
            .image()
            .orElseThrow(
                () ->
                    new RuntimeUnavailableException(
                        "variant "
                            + variant.name()
                            + " has no Docker image; build it with VariantImageBuilder, or use"
                            + " --runtime cgroup"));
    boolean local = engine.isLocal();
    SandboxContainer container =
        SandboxContainer.start(
            engine.client(), image, variant.name(), limits, hostCgroups(), local);
    // On a remote engine this machine's core count says nothing; the cpuset does when given.
    double cores =
        AllowedCores.of(
            limits.cpuset(), ResourceUsage.UNKNOWN, local ? LogicalCores.count() : engineCpus());
    Optional<RemoteWorkFolder> work =
        local
            ? Optional.empty()
            : Optional.of(
                new RemoteWorkFolder(
                    engine.client(),
                    container.id(),
                    limits.workDir(),
                    UnitUser.forContainer(limits.workDir())));
    return new DockerSandbox(engine.client(), container, cores, variant.name(), work);
  }

  private int engineCpus() {
    Integer cpus = engine.client().infoCmd().exec().getNCPU();
    return cpus == null || cpus <= 0 ? LogicalCores.count() : cpus;
  }

  /**
   * The host's cgroup file system, if unit cgroups can be made there: a local engine, and the
   * cgroupfs driver, whose CgroupParent is a path (systemd's must be a slice unit, and systemd
   * would own the cgroups).
   */
  private synchronized Optional<CgroupFs> hostCgroups() {
    if (hostCgroups == null) {
      hostCgroups = Optional.empty();
      if (useHostCgroups && engine.isLocal()) {
        String driver = engine.client().infoCmd().exec().getCGroupDriver();
        if ("systemd".equals(driver)) {
          LOG.warn(
              "the engine uses the systemd cgroup driver: no unit cgroups, totals from rusage."
                  + " Start dockerd with --exec-opt native.cgroupdriver=cgroupfs for exact totals");
        } else {
          hostCgroups = CgroupFs.detect(CgroupVersion.DEFAULT_ROOT);
        }
      }
    }
    return hostCgroups;
  }

  /** Builds the variant's FROM-scratch image (ffmpeg and optbench-exec), or reuses one. */
  @Override
  public VariantRef prepare(VariantRef variant) {
    String image =
        new VariantImageBuilder(engine.client())
            .ensureImage(
                new ImageRequest(
                    variant.name(),
                    variant.manifestDigest(),
                    "ffmpeg",
                    variant.executable("ffmpeg"),
                    // this optbench's helper, not the copy an older cached build holds: the
                    // report it writes must have every field (run_delay_ns); new bytes, new image
                    ExecHelper.ensureBuilt(CacheDir.resolve())));
    LOG.info("variant {}: image {}", variant.name(), image);
    return new VariantRef(
        variant.name(), variant.binDir(), Optional.of(image), variant.manifestDigest());
  }

  /** The engine's stats API: the series of a container whose cgroup files are elsewhere. */
  @Override
  public Optional<Collector> engineCollector() {
    return Optional.of(new DockerStatsCollector(engine.client(), engine.host()));
  }

  public DockerEngine engine() {
    return engine;
  }
}
