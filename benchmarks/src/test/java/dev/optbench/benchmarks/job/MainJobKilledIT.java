package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.testing.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main JVM and its JMH fork SIGKILLed mid-run (no shutdown hook runs; issue 11: run.json stayed
 * "running" forever and the next run ignored it, its container stayed). The next run marks the
 * killed one abandoned, removes its temporary files and its container.
 */
class MainJobKilledIT {
  @TempDir Path tmp;

  @Test
  void theNextRunMarksAKilledRunAbandonedAndRemovesItsLeftovers() throws Exception {
    String dockerHost = Services.dockerHost();
    Path workload =
        TestWorkloads.write(
            tmp.resolve("w.json"),
            List.of(TestWorkloads.encode("a", 3), TestWorkloads.encode("b", 3)));
    List<String> args =
        List.of(
            "--order",
            "jmh",
            "--variants",
            "O2",
            "--workload",
            workload.toString(),
            "--runtime",
            "docker",
            "-f",
            "1",
            "-wi",
            "0",
            "-i",
            "8");
    Path log = tmp.resolve("killed.log");
    Process p = BenchmarksJar.start(tmp, log, List.of(), args);
    Path run = awaitSecondTrial(p, tmp.resolve("optbench-results"), log);
    String runId = run.getFileName().toString();
    List<ProcessHandle> family = p.descendants().toList();
    new ProcessBuilder("kill", "-KILL", Long.toString(p.pid())).start().waitFor();
    for (ProcessHandle h : family) {
      h.destroyForcibly();
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(RunStatus.read(run.resolve("run.json")).status()).isEqualTo(RunStatus.RUNNING);
    assertThat(MainJobIT.containers(dockerHost, runId))
        .as("the kill left its container")
        .isNotEmpty();
    Files.writeString(
        run.resolve("samples/left.lp.partial"), "cpu value=1 1\n"); // as a kill leaves

    BenchmarksJar.Finished next =
        BenchmarksJar.runToEnd(
            tmp,
            List.of(),
            List.of(
                "--order",
                "jmh",
                "--variants",
                "O2",
                "--workload",
                workload.toString(),
                "--runtime",
                "docker",
                "-p",
                "unit=a",
                "-f",
                "1",
                "-wi",
                "0",
                "-i",
                "1"));

    assertThat(next.exit()).as(next.output()).isZero();
    assertThat(next.output()).contains("earlier run " + runId + " was killed or crashed");
    RunStatus abandoned = RunStatus.read(run.resolve("run.json"));
    assertThat(abandoned.status()).isEqualTo(RunStatus.ABANDONED);
    assertThat(abandoned.message()).contains("pid " + p.pid());
    try (Stream<Path> files = Files.walk(run)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".partial") || n.endsWith(".writing"));
    }
    assertThat(MainJobIT.containers(dockerHost, runId)).as("its container removed").isEmpty();
  }

  /** Waits until the second trial runs: one trial is on disk and a fork works on the next. */
  private static Path awaitSecondTrial(Process p, Path results, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    while (Instant.now().isBefore(deadline)) {
      String out = BenchmarksJar.output(log);
      assertThat(p.isAlive()).as(out).isTrue();
      if (out.contains("[2/2]") && Files.isDirectory(results)) {
        Path run = BenchmarksJar.runFolder(results);
        if (Files.isRegularFile(run.resolve("jmh.partial.json")) && containerUp(out)) {
          return run;
        }
      }
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new AssertionError("the second trial never started:\n" + BenchmarksJar.output(log));
  }

  /** The second trial printed its first invocation: its container is up. */
  private static boolean containerUp(String out) {
    String last = out.substring(out.lastIndexOf("[2/2]"));
    return last.matches("(?s)\\[2/2\\]\\s+O2\\s+b\\s+\\d+.*");
  }
}
