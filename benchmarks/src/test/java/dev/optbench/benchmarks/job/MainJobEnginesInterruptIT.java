package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.testing.Services;
import dev.optbench.harness.testing.TlsEngines;
import dev.optbench.results.jmh.JmhJsonReader;
import dev.optbench.results.model.BenchmarkResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C while two engines work side by side: the local private engine (its unix socket) and a
 * dockerd in a network namespace of this test's own, reached over TLS ({@link TlsEngines}), each
 * with a core of its own. SIGINT goes to the main JVM after the first measured round. Everything
 * made here is removed in {@link #tearDown}, also after a failure.
 */
class MainJobEnginesInterruptIT {
  private static TlsEngines engines;

  @TempDir Path tmp;

  @BeforeAll
  static void startAnEngine() throws Exception {
    engines = TlsEngines.start("mainjob-engines-interrupt-it-", 1);
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (engines != null) {
      engines.close();
    }
  }

  @Test
  void ctrlCKeepsBothEnginesFinishedRoundsAndLeavesNoSandboxOnEither() throws Exception {
    String local = Services.dockerHost();
    Path workload =
        TestWorkloads.write(tmp.resolve("w.json"), List.of(TestWorkloads.encode("enc", 1)));
    List<String> args =
        List.of(
            "--variants",
            "O0,O2",
            "--workload",
            workload.toString(),
            "--min-unit-ms",
            "0",
            "-wi",
            "0",
            "-i",
            "40", // far more than run before the signal: the run is cut mid-way
            "--engine",
            "a=" + local + ",cpus=0",
            "--engine",
            "b=" + engines.tls(0) + ",cpus=1",
            "--placement",
            "every");
    Path log = tmp.resolve("out.log");
    Process p;
    Path partial;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (true) {
      p = BenchmarksJar.start(tmp, log, List.of(), args);
      partial = awaitFirstRound(p, tmp.resolve("optbench-results"), log);
      if (partial != null) {
        break;
      }
      // another user's run holds the machine's run lock: wait for our turn (RunLock)
      assertThat(System.nanoTime()).as(BenchmarksJar.output(log)).isLessThan(deadline);
      Thread.sleep(10_000);
    }
    assertThat(BenchmarksJar.output(log))
        .contains("engines in parallel, one thread each: a on CPUs 0, b on CPUs 1");

    long signalled = System.nanoTime();
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits within 60 s of Ctrl-C").isTrue();
    double exitSeconds = (System.nanoTime() - signalled) / 1e9;
    String out = BenchmarksJar.output(log);
    System.out.printf("exited %.1f s after SIGINT%n", exitSeconds);
    assertThat(p.exitValue()).as(out).isEqualTo(130); // 128 + SIGINT, as the JVM exits on it
    assertThat(out)
        .contains("optbench: interrupted.")
        .doesNotContain("could not remove", "could not close a sandbox", "was lost after");

    Path run = partial.getParent();
    RunStatus status = RunStatus.read(run.resolve("run.json"));
    assertThat(status.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(status.message()).matches("interrupted after [0-9]+ of 40 rounds; .*");
    int rounds =
        Integer.parseInt(status.message().replaceAll("^interrupted after ([0-9]+) .*", "$1"));
    assertThat(rounds).isBetween(1, 39);
    assertThat(out)
        .as("no round is run on, or counted, once run.json said the run was interrupted")
        .doesNotContainPattern("\\[round +" + (rounds + 1) + "/40\\]");
    assertThat(status.trialsDone()).isEqualTo(4);
    List<BenchmarkResult> rows = new JmhJsonReader().read(partial);
    assertThat(rows)
        .extracting(r -> r.params().get("variant") + "@" + r.params().get("engine"))
        .containsExactly("O0@a", "O0@b", "O2@a", "O2@b");
    assertThat(rows)
        .as("every pair of both engines has the rounds run.json counts, no more")
        .allSatisfy(r -> assertThat(r.primaryMetric().samples()).hasSize(rounds));
    assertThat(run.resolve("jmh.json")).as("no complete-looking result").doesNotExist();
    try (var names = Files.walk(run)) {
      assertThat(names.map(f -> f.getFileName().toString()))
          .as("no half-written file")
          .noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".partial") || n.endsWith(".writing"));
    }
    String runId = run.getFileName().toString();
    assertThat(MainJobIT.containers(local, runId)).as("containers left on a").isEmpty();
    assertThat(MainJobIT.containers(engines.daemons().get(0).host(), runId))
        .as("containers left on b")
        .isEmpty();
  }

  /**
   * Waits for the first measured round, i.e. for jmh.partial.json to appear; null when the run
   * ended at once because another run measures on this machine.
   */
  private static Path awaitFirstRound(Process p, Path results, Path log) throws Exception {
    Optional<Path> partial = BenchmarksJar.awaitPartialResults(p, results, log);
    if (partial.isEmpty()) {
      String out = BenchmarksJar.output(log);
      assertThat(out).as("ended before its first round").contains(MainJobEnginesIT.ANOTHER_RUN);
    }
    return partial.orElse(null);
  }
}
