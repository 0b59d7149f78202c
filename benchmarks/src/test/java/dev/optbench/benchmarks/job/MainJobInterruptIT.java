package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.testing.Services;
import dev.optbench.results.jmh.JmhJsonReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of a run: the finished trials stay (JMH JSON, marked partial), the forked
 * JVM and its container go. SIGINT is sent to the main JVM alone, the harder case: a terminal's
 * Ctrl-C would reach the fork too.
 */
class MainJobInterruptIT {
  @TempDir Path tmp;

  @Test
  void ctrlCKeepsFinishedTrialsMarksTheRunPartialAndLeavesNoSandbox() throws Exception {
    String dockerHost = Services.dockerHost();
    Path workload =
        TestWorkloads.write(
            tmp.resolve("w.json"),
            List.of(TestWorkloads.encode("a", 1), TestWorkloads.encode("b", 1)));
    Path log = tmp.resolve("out.log");
    Process p =
        BenchmarksJar.start(
            tmp,
            log,
            List.of(),
            List.of(
                "--variants",
                "O0,O2",
                "--workload",
                workload.toString(),
                "--runtime",
                "docker",
                "--order",
                "jmh", // this test is about JMH's forks; interleaved runs have none
                "-f",
                "1",
                "-wi",
                "0",
                "-i",
                "8"));
    Path results = tmp.resolve("optbench-results");
    Optional<Path> first = BenchmarksJar.awaitPartialResults(p, results, log);
    assertThat(first).as("ended before its first trial: " + BenchmarksJar.output(log)).isPresent();
    Path partial = first.get();
    List<ProcessHandle> forks = awaitFork(p, log);

    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("exits after Ctrl-C").isTrue();
    String out = BenchmarksJar.output(log);
    assertThat(p.exitValue()).as(out).isEqualTo(130); // 128 + SIGINT, as the JVM exits on it
    assertThat(out).contains("optbench: interrupted.");

    Path run = partial.getParent();
    RunStatus status = RunStatus.read(run.resolve("run.json"));
    assertThat(status.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(status.trialsDone()).isBetween(1, 3);
    assertThat(new JmhJsonReader().read(partial)).hasSize(status.trialsDone());
    assertThat(run.resolve("jmh.json")).as("no complete-looking result").doesNotExist();
    try (var names = Files.walk(run)) {
      assertThat(names.map(f -> f.getFileName().toString()))
          .as("no half-written file, no unpublished series")
          .noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".partial") || n.endsWith(".writing"));
    }
    for (ProcessHandle fork : forks) {
      assertThat(fork.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    }
    assertThat(MainJobIT.containers(dockerHost, run.getFileName().toString()))
        .as("containers left after Ctrl-C")
        .isEmpty();
  }

  /** The next trial's forked JVM: between two trials there is none for a moment. */
  private static List<ProcessHandle> awaitFork(Process p, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (Instant.now().isBefore(deadline)) {
      assertThat(p.isAlive()).as(BenchmarksJar.output(log)).isTrue();
      List<ProcessHandle> forks = p.descendants().toList();
      if (!forks.isEmpty()) {
        return forks;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no forked JVM appeared:\n" + BenchmarksJar.output(log));
  }
}
