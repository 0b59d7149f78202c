package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.Execution;
import dev.optbench.harness.runtime.SandboxLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty units through one sandbox are served by one {@code optbench-exec --serve} exec: the
 * sandbox started one, the engine lists only it, and every unit's output, exit status and timeout
 * are its own, a timed-out unit and a unit writing more than 1 MiB of stdout among them.
 */
class DockerServeIT {
  private static final Duration T = Duration.ofSeconds(60);

  @TempDir Path work;

  @Test
  void oneServeExecRunsEveryUnitOfTheSandbox() throws Exception {
    DockerEngine engine = DockerTestSupport.engine();
    String image = DockerTestSupport.probeImage(engine, "it-serve");
    VariantRef variant = new VariantRef("it-serve", work, Optional.of(image), "sha256-test");
    Map<String, String> labels = Map.of("dev.optbench.run", "it-" + UUID.randomUUID());
    try (engine;
        DockerSandbox sandbox =
            (DockerSandbox)
                new DockerRuntime(engine)
                    .open(variant, new SandboxLimits("0", 256L << 20, work, labels))) {
      long quickNanos = 0;
      int quick = 0;
      for (int i = 0; i < 20; i++) {
        if (i == 7) {
          long start = System.nanoTime();
          // 10 s, not DockerSandboxIT's 5: seen 5.9 s at load 18-33 from other builds
          Execution e = sandbox.run(List.of("ffmpeg", "sleep", "30"), Duration.ofSeconds(1));
          assertThat(Duration.ofNanos(System.nanoTime() - start))
              .isLessThan(Duration.ofSeconds(10));
          assertThat(e.timedOut()).isTrue();
          assertThat(e.usage().signal()).as(e.toString()).isEqualTo(9);
          assertThat(e.stderrTail()).startsWith(DockerSandbox.TIMEOUT_NOTE);
        } else if (i == 13) {
          Execution e = sandbox.run(List.of("ffmpeg", "spew", "1500000"), T);
          assertThat(e.usage().succeeded()).as(e.toString()).isTrue();
          assertThat(e.stdoutTail()).hasSize(UnitExec.TAIL_BYTES).matches("x+");
          assertThat(e.stderrTail()).isEqualTo("spewed 1500000\n");
          assertThat(e.timedOut()).isFalse();
        } else if (i % 2 == 0) {
          long start = System.nanoTime();
          Execution e = sandbox.run(List.of("ffmpeg", "exit", Integer.toString(i)), T);
          quickNanos += System.nanoTime() - start;
          quick++;
          assertThat(e.usage().exitCode()).as(e.toString()).isEqualTo(i);
          assertThat(e.usage().signal()).isZero();
          assertThat(e.timedOut()).isFalse();
        } else {
          Execution e = sandbox.run(List.of("ffmpeg", "stamp"), T);
          assertThat(e.stdoutTail()).isEqualTo("probe-variant-1\n");
          assertThat(e.stderrTail()).isEmpty();
          assertThat(e.usage().succeeded()).isTrue();
        }
      }
      System.out.printf(
          "serve: %d quick units, %.1f ms each from request to result%n",
          quick, quickNanos / 1e6 / quick);
      assertThat(sandbox.serveExecsStarted()).as("serve execs started").isEqualTo(1);
      String serveExec = sandbox.serveExecId().orElseThrow();
      String container = sandbox.target().containerId().orElseThrow();
      // the engine's own count: the execs it holds for the container now
      assertThat(engine.client().inspectContainerCmd(container).exec().getExecIds())
          .containsExactly(serveExec);
    }
  }
}
