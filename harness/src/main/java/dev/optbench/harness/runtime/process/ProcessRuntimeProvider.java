package dev.optbench.harness.runtime.process;

import dev.optbench.harness.cache.CacheDir;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.ContainerRuntimeProvider;

/** Always available, lowest priority: used when neither Docker nor cgroups can be. */
public final class ProcessRuntimeProvider implements ContainerRuntimeProvider {

  @Override
  public String name() {
    return ProcessRuntime.NAME;
  }

  @Override
  public int priority() {
    return 100;
  }

  @Override
  public Availability availability() {
    return Availability.yes(
        "plain processes: no isolation, cpuset and memory limit NOT enforced; totals from the"
            + " helper's rusage (peak memory is the largest process's RSS, no block I/O)");
  }

  @Override
  public ContainerRuntime create() {
    return new ProcessRuntime(CacheDir.resolve());
  }
}
