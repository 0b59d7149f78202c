package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.engine.Placement;
import dev.optbench.harness.host.OwnerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run.json byte for byte. The golden files were written by the RunStatus before {@link
 * Placement#NONE} replaced a null placement, so a run without engines writes what it always wrote.
 */
class RunStatusTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/job");
  private static final OwnerProcess OWNER =
      new OwnerProcess("0f3c6a2e-boot", 4242, "2026-12-07T16:00:00Z", 123456);

  @TempDir Path dir;

  private static RunStatus withoutEngines() {
    return new RunStatus(
        "run-1",
        RunStatus.COMPLETE,
        "done",
        "2026-12-07T16:00:01Z",
        "2026-12-07T16:05:00Z",
        "docker",
        List.of("O0", "O2"),
        List.of("u1", "u2"),
        4,
        4,
        List.of("-i", "3"),
        OWNER,
        Placement.NONE);
  }

  private static RunStatus withEngines() {
    return new RunStatus(
        "run-2",
        RunStatus.RUNNING,
        "",
        "2026-12-07T16:00:01Z",
        null,
        "docker",
        List.of("O0", "O2", "O3"),
        List.of("u1"),
        4,
        0,
        List.of(),
        OWNER,
        Placement.of(Placement.WHOLE, List.of("O0", "O2", "O3"), "O2", List.of("a", "b")));
  }

  private String written(RunStatus status) throws IOException {
    Path file = dir.resolve("run.json");
    status.write(file);
    return Files.readString(file);
  }

  @Test
  void withoutEnginesTheFileIsAsBeforeAndReadsBackAsNone() throws IOException {
    assertThat(written(withoutEngines()))
        .isEqualTo(Files.readString(GOLDEN.resolve("run-without-engines.json")));
    RunStatus back = RunStatus.read(dir.resolve("run.json"));
    assertThat(back.placement()).isSameAs(Placement.NONE);
    assertThat(back).isEqualTo(withoutEngines());
  }

  @Test
  void withEnginesThePlacementIsWrittenAndReadBack() throws IOException {
    assertThat(written(withEngines()))
        .isEqualTo(Files.readString(GOLDEN.resolve("run-with-engines.json")));
    assertThat(RunStatus.read(dir.resolve("run.json"))).isEqualTo(withEngines());
  }

  @Test
  void aChangeOfStateKeepsThePlacementAndANullOneIsNone() {
    RunStatus done = withEngines().with(RunStatus.COMPLETE, "", "2026-12-07T16:09:00Z", 4);
    assertThat(done.placement()).isEqualTo(withEngines().placement());
    assertThat(done.trialsDone()).isEqualTo(4);
    RunStatus legacy =
        new RunStatus(
            "r",
            RunStatus.RUNNING,
            "",
            "",
            null,
            "cgroup",
            List.of(),
            List.of(),
            0,
            0,
            List.of(),
            OWNER,
            null);
    assertThat(legacy.placement()).isSameAs(Placement.NONE);
    assertThat(Placement.NONE.placed()).isFalse();
    assertThat(withEngines().placement().placed()).isTrue();
  }

  @Test
  void beginIsRunningNothingDoneOwnedByThisJvm() {
    RunStatus s =
        RunStatus.begin(
            "r", "t0", "docker", List.of("O2"), List.of("u"), 1, List.of(), Placement.NONE);
    assertThat(s.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(s.trialsDone()).isZero();
    assertThat(s.finished()).isNull();
    assertThat(s.owner().pid()).isEqualTo(ProcessHandle.current().pid());
  }
}
