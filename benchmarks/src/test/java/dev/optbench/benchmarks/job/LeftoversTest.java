package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.engine.Placement;
import dev.optbench.harness.host.OwnerProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run.json left "running" by a dead JVM becomes "abandoned"; a live run's is left alone. */
class LeftoversTest {
  @TempDir Path results;

  private Path run(String id, OwnerProcess owner) throws Exception {
    Path dir = Files.createDirectories(results.resolve(id).resolve("samples"));
    new RunStatus(
            id,
            RunStatus.RUNNING,
            "",
            "2026-12-02T00:00:00Z",
            null,
            "docker",
            List.of("O2"),
            List.of("a"),
            4,
            1,
            List.of(),
            owner,
            Placement.NONE)
        .write(dir.getParent().resolve("run.json"));
    Files.writeString(dir.resolve("O2-a.lp.partial"), "cpu value=1 1\n");
    Files.writeString(dir.getParent().resolve("jmh.partial.json.tmp"), "[");
    return dir.getParent();
  }

  @Test
  void aDeadOwnersRunIsAbandonedAndLosesItsTemporaryFiles() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    OwnerProcess current = OwnerProcess.current();
    Path dead = run("run-dead", new OwnerProcess(current.bootId(), gone.pid(), "earlier"));
    Path live = run("run-live", current);
    Path oldBoot = run("run-oldboot", new OwnerProcess("another-boot", current.pid(), "x"));
    ByteArrayOutputStream text = new ByteArrayOutputStream();

    List<Path> abandoned =
        new Leftovers(new PrintStream(text, true, StandardCharsets.UTF_8)).abandonDeadRuns(results);

    assertThat(abandoned).containsExactly(dead, oldBoot);
    RunStatus s = RunStatus.read(dead.resolve("run.json"));
    assertThat(s.status()).isEqualTo(RunStatus.ABANDONED);
    assertThat(s.message()).contains("pid " + gone.pid()).contains("1 of 4 trials");
    assertThat(s.owner()).as("owner kept through the JSON round trip").isNotNull();
    assertThat(dead.resolve("samples/O2-a.lp.partial")).doesNotExist();
    assertThat(dead.resolve("jmh.partial.json.tmp")).doesNotExist();
    assertThat(RunStatus.read(live.resolve("run.json")).status()).isEqualTo(RunStatus.RUNNING);
    assertThat(live.resolve("samples/O2-a.lp.partial")).as("a live run's file").exists();
    assertThat(text.toString(StandardCharsets.UTF_8))
        .contains("earlier run run-dead was killed or crashed: marked abandoned");
  }
}
