package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import dev.optbench.harness.cgroup.CgroupLocator;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No container outlives its run: shutdown hook on SIGTERM, janitor after SIGKILL. */
class DockerCleanupIT {
  static final String RUN = "dev.optbench.it-run";

  @TempDir Path work;
  private DockerEngine engine;
  private String image;
  private final String runId = "cleanup-" + UUID.randomUUID();

  @BeforeEach
  void setUp() throws Exception {
    engine = DockerTestSupport.engine();
    image = DockerTestSupport.probeImage(engine, "it-holder");
  }

  @AfterEach
  void tearDown() {
    if (engine == null) {
      return; // set-up skipped the test: no engine, nothing was started
    }
    new DockerJanitor(engine).removeAll(Map.of(RUN, runId));
    engine.close();
  }

  @Test
  void sigtermToTheJvmRemovesItsContainer() throws Exception {
    Process child = startHolder();
    String[] ready = SandboxHolderMain.awaitReady(child);
    assertThat(containersOfThisRun()).extracting(Container::getId).containsExactly(ready[0]);
    child.destroy(); // SIGTERM, as Ctrl-C or a service manager would send
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(containersOfThisRun()).isEmpty();
    assertThat(CgroupLocator.hierarchyRoots())
        .isNotEmpty()
        .allSatisfy(
            r -> assertThat(r.resolve(UnitCgroups.PARENT).resolve(ready[1])).doesNotExist());
  }

  @Test
  void janitorRemovesContainersOfKilledRunsButNotOfLiveOnes() throws Exception {
    Process child = startHolder();
    String[] orphan = SandboxHolderMain.awaitReady(child);
    child.destroyForcibly(); // SIGKILL: no hook runs, the container stays
    child.waitFor(30, TimeUnit.SECONDS);
    try (Sandbox live = openHere()) {
      String liveId = live.target().containerId().orElseThrow();
      assertThat(containersOfThisRun()).extracting(Container::getId).contains(orphan[0], liveId);

      List<String> removed = new DockerJanitor(engine).removeLeftovers();

      assertThat(removed).contains(orphan[1]);
      assertThat(CgroupLocator.hierarchyRoots())
          .allSatisfy(
              r -> assertThat(r.resolve(UnitCgroups.PARENT).resolve(orphan[1])).doesNotExist());
      assertThat(containersOfThisRun()).extracting(Container::getId).containsExactly(liveId);
      assertThat(live.run(List.of("ffmpeg", "exit", "0"), Duration.ofSeconds(30)).usage())
          .matches(u -> u.succeeded(), "live sandbox still works");
    }
    assertThat(containersOfThisRun()).isEmpty();
  }

  private Sandbox openHere() {
    return new DockerRuntime(engine)
        .open(
            new VariantRef("it-holder", work, Optional.of(image), "sha256-test"),
            new SandboxLimits("0", 64L << 20, work, Map.of(RUN, runId)));
  }

  private Process startHolder() throws Exception {
    return SandboxHolderMain.start(image, work, runId, engine.host());
  }

  private List<Container> containersOfThisRun() {
    return engine
        .client()
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(RUN, runId))
        .exec();
  }
}
