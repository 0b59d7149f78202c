package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import dev.optbench.harness.cgroup.CgroupLocator;
import dev.optbench.harness.testing.PrivateDockerd;
import dev.optbench.harness.testing.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 6: the engine crashes (dockerd SIGKILLed) while a run holds a sandbox, the run
 * ends while the engine is down, so its shutdown hook cannot remove the container; the engine is
 * restarted. The next run's start-up cleaning (DockerJanitor.removeLeftovers, called by the main
 * job and {@code run}) removes the container and every cgroup folder it had. Uses a dockerd of its
 * own: the shared engine stays up for the other tests.
 */
class DockerEngineCrashIT {
  private Path dir;
  private PrivateDockerd dockerd;
  private final String runId = "crash-" + UUID.randomUUID();

  @BeforeEach
  void setUp() throws Exception {
    if (!PrivateDockerd.possible()) {
      Services.missing("a dockerd of the test's own (needs root and docker.io)");
    }
    // target/, not /tmp: overlay2 wants a disk file system under the data root.
    dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "private-dockerd-");
    dockerd = new PrivateDockerd(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (dockerd == null) {
      return; // set-up skipped the test: nothing was started
    }
    try (DockerEngine engine = DockerEngine.connect(dockerd.host())) {
      new DockerJanitor(engine).removeAll(Map.of(DockerCleanupIT.RUN, runId));
    } catch (RuntimeException e) {
      // the daemon is already down: close() below ends what is left
    }
    dockerd.close();
    deleteQuietly(dir);
  }

  @Test
  void aContainerLeftByACrashedEngineIsRemovedByTheNextRun() throws Exception {
    dockerd.start();
    String[] orphan;
    Process holder;
    try (DockerEngine engine = DockerEngine.connect(dockerd.host())) {
      String image = DockerTestSupport.probeImage(engine, "it-crash");
      holder = startHolder(image);
      orphan = SandboxHolderMain.awaitReady(holder);
      assertThat(containersOfThisRun(engine)).extracting(Container::getId).contains(orphan[0]);
    }

    dockerd.crash();
    holder.destroy(); // the run ends while the engine is down: its hook cannot reach it
    assertThat(holder.waitFor(60, TimeUnit.SECONDS)).as("holder JVM ended").isTrue();
    dockerd.start(); // restarted, as systemd or an operator would

    try (DockerEngine engine = DockerEngine.connect(dockerd.host())) {
      assertThat(containersOfThisRun(engine))
          .as("the crash left the container behind")
          .extracting(Container::getId)
          .contains(orphan[0]);

      List<String> removed = new DockerJanitor(engine).removeLeftovers();

      assertThat(removed).contains(orphan[1]);
      assertThat(containersOfThisRun(engine)).isEmpty();
    }
    assertThat(CgroupLocator.hierarchyRoots())
        .as("cgroup hierarchies")
        .isNotEmpty()
        .allSatisfy(
            root ->
                assertThat(root.resolve(UnitCgroups.PARENT).resolve(orphan[1]))
                    .as("cgroup folder of the container in " + root)
                    .doesNotExist());
  }

  private Process startHolder(String image) throws IOException {
    return SandboxHolderMain.start(
        image, Files.createDirectories(dir.resolve("work")), runId, dockerd.host());
  }

  private List<Container> containersOfThisRun(DockerEngine engine) {
    return engine
        .client()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(DockerCleanupIT.RUN, runId))
        .exec();
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: target/ is removed by the next clean build anyway
    }
  }
}
