package dev.optbench.harness.runtime.docker;

import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.RuntimeUnavailableException;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;

/**
 * Runs each variant in its own container from the variant's image ({@link VariantRef#image()}).
 * Totals come from cgroup v1 counters read on the host, which needs a local engine (unix socket)
 * and root; otherwise the numbers fall back to optbench-exec's rusage and say so in {@code source}.
 */
public final class DockerRuntime implements ContainerRuntime {
  private final DockerEngine engine;
  private final boolean useHostCgroups;

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
    SandboxContainer container =
        SandboxContainer.start(engine.client(), image, variant.name(), limits, useHostCgroups);
    int cores = Cpusets.count(limits.cpuset(), Runtime.getRuntime().availableProcessors());
    return new DockerSandbox(engine.client(), container, cores, variant.name());
  }

  public DockerEngine engine() {
    return engine;
  }
}
