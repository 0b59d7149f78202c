package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.Execution;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paths off the main road: a work folder of another user, and no host cgroup access. */
class DockerSandboxFallbacksIT {
  private static final int NOBODY = 65534;

  @TempDir Path work;
  private DockerEngine engine;
  private String image;

  @BeforeEach
  void setUp() throws Exception {
    engine = DockerTestSupport.engine();
    image = DockerTestSupport.probeImage(engine, "it-fallback");
  }

  @AfterEach
  void tearDown() {
    if (engine != null) { // null when set-up skipped the test for want of an engine
      engine.close();
    }
  }

  private Sandbox open(boolean hostCgroups) {
    return new DockerRuntime(engine, hostCgroups)
        .open(
            new VariantRef("it-fallback", work, Optional.of(image), "sha256-test"),
            new SandboxLimits("0", 128L << 20, work, Map.of()));
  }

  @Test
  void unitsRunAsTheOwnerOfTheWorkFolderAndStillJoinTheirCgroup() throws Exception {
    Files.setAttribute(work, "unix:uid", NOBODY);
    Files.setAttribute(work, "unix:gid", NOBODY);
    try (Sandbox sandbox = open(true)) {
      Execution write = sandbox.run(List.of("ffmpeg", "write", "out.txt"), Duration.ofSeconds(30));
      assertThat(write.usage().exitCode()).as(write.stdoutTail()).isZero();
      assertThat(Files.getAttribute(work.resolve("out.txt"), "unix:uid")).isEqualTo(NOBODY);
      ResourceUsage burn =
          sandbox.run(List.of("ffmpeg", "burn", "0.5"), Duration.ofSeconds(30)).usage();
      assertThat(burn.source()).isEqualTo("docker/cgroup-v1");
      assertThat(burn.succeeded()).as(burn.toString()).isTrue();
      assertThat((double) burn.cpuTotalNanos()).isCloseTo(0.5e9, within(0.02 * 0.5e9));
    }
  }

  @Test
  void withoutHostCgroupsTotalsComeFromRusageAndTimeoutsRestartTheContainer() {
    try (Sandbox sandbox = open(false)) {
      assertThat(sandbox.target().cgroupDirs()).isEmpty();
      ResourceUsage burn =
          sandbox.run(List.of("ffmpeg", "burn", "0.5"), Duration.ofSeconds(30)).usage();
      assertThat(burn.source()).isEqualTo(UnitMeasurement.SOURCE_RUSAGE);
      assertThat((double) burn.cpuTotalNanos()).isCloseTo(0.5e9, within(0.02 * 0.5e9));
      assertThat(burn.ioReadBytes()).isEqualTo(ResourceUsage.UNKNOWN);

      Execution slow = sandbox.run(List.of("ffmpeg", "sleep", "30"), Duration.ofSeconds(1));
      assertThat(slow.stderrTail()).startsWith(DockerSandbox.TIMEOUT_NOTE);
      assertThat(slow.usage().succeeded()).isFalse();
      assertThat(sandbox.run(List.of("ffmpeg", "exit", "4"), Duration.ofSeconds(30)).usage())
          .extracting(ResourceUsage::exitCode)
          .isEqualTo(4);
    }
  }
}
