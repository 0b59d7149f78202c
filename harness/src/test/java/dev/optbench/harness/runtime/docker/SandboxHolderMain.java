package dev.optbench.harness.runtime.docker;

import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.SandboxLimits;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A child JVM for DockerCleanupIT: opens one sandbox, prints {@code READY <container id> <name>},
 * then waits to be killed. Args: image, work folder, run label value.
 */
public final class SandboxHolderMain {
  private SandboxHolderMain() {}

  public static void main(String[] args) throws InterruptedException {
    DockerEngine engine = DockerEngine.fromEnvironment();
    Path work = Path.of(args[1]);
    var sandbox =
        new DockerRuntime(engine)
            .open(
                new VariantRef("it-holder", work, Optional.of(args[0]), "sha256-test"),
                new SandboxLimits("0", 64L << 20, work, Map.of(DockerCleanupIT.RUN, args[2])));
    System.out.println(
        "READY " + sandbox.target().containerId().orElseThrow() + " " + sandbox.target().name());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
