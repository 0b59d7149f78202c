package dev.optbench.harness.runtime.docker;

import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.SandboxLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

  /** Starts this class in a child JVM that talks to the engine at {@code dockerHost}. */
  static Process start(String image, Path work, String runId, String dockerHost)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                SandboxHolderMain.class.getName(),
                image,
                work.toString(),
                runId)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("DOCKER_HOST", dockerHost);
    return pb.start();
  }

  /** Container id and name, once the child has opened its sandbox. */
  static String[] awaitReady(Process child) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("READY ")) {
        return line.substring("READY ".length()).split(" ");
      }
    }
    throw new AssertionError("child JVM ended without opening its sandbox");
  }
}
