package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxContractIT;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The runtime contract on a remote engine (TLS, tcp://): the work folder only through the archive
 * API, totals from optbench-exec inside the container, timeouts by killing the container.
 */
class DockerRemoteContractIT extends SandboxContractIT {
  private static RemoteTestEngine engines;

  @BeforeAll
  static void startEngine() throws Exception {
    engines = RemoteTestEngine.start("remote-contract-it");
  }

  @AfterAll
  static void stopEngine() throws Exception {
    if (engines != null) {
      engines.close();
      engines = null;
    }
  }

  @Override
  protected ContainerRuntime runtime() {
    return new DockerRuntime(engines.remote());
  }

  @Override
  protected VariantRef createVariant(Path dir) {
    return DockerTestSupport.contractVariant(engines.remote(), dir);
  }

  @Override
  protected String expectedWorkDir(Path workDir) {
    return "/work";
  }

  @Override
  protected void assertNothingLeft(Sandbox closed) {
    String name = closed.target().name();
    DockerTestSupport.assertNoContainer(engines.remote(), name);
    assertThat(engines.remote().client().listVolumesCmd().exec().getVolumes())
        .as("the container's /work volume goes with it")
        .isNullOrEmpty();
  }
}
