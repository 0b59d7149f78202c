package dev.optbench.harness.runtime.docker;

import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.ContainerRuntimeProvider;
import dev.optbench.harness.runtime.RuntimeUnavailableException;

/** Docker is preferred (priority 300) whenever an engine answers at DOCKER_HOST. */
public final class DockerRuntimeProvider implements ContainerRuntimeProvider {
  private DockerEngine engine;

  @Override
  public String name() {
    return "docker";
  }

  @Override
  public int priority() {
    return 300;
  }

  @Override
  public synchronized Availability availability() {
    try {
      if (engine == null) {
        engine = DockerEngine.fromEnvironment();
      }
      return Availability.yes(engine.describe() + "; " + engine.unitWeight());
    } catch (RuntimeUnavailableException e) {
      return Availability.no(e.getMessage());
    }
  }

  @Override
  public synchronized ContainerRuntime create() {
    if (engine == null) {
      engine = DockerEngine.fromEnvironment(); // throws with the reason when nothing answers
    }
    return new DockerRuntime(engine);
  }
}
