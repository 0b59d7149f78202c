package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.cgroup.CgroupLocator;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxContractIT;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/** The runtime contract, on the real Docker engine, with the burner in a FROM scratch image. */
class DockerSandboxContractIT extends SandboxContractIT {
  private static DockerEngine engine;

  private static synchronized DockerEngine engine() {
    if (engine == null) {
      engine = DockerTestSupport.engine();
    }
    return engine;
  }

  @AfterAll
  static void closeEngine() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }

  @Override
  protected ContainerRuntime runtime() {
    return new DockerRuntime(engine());
  }

  @Override
  protected VariantRef createVariant(Path dir) {
    return DockerTestSupport.contractVariant(engine(), dir);
  }

  @Override
  protected String expectedWorkDir(Path workDir) {
    return "/work";
  }

  @Override
  protected void assertNothingLeft(Sandbox closed) {
    String name = closed.target().name();
    DockerTestSupport.assertNoContainer(engine(), name);
    CgroupLocator.hierarchyRoots()
        .forEach(root -> assertThat(root.resolve(UnitCgroups.PARENT).resolve(name)).doesNotExist());
  }
}
