package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.testing.TlsEngines;
import dev.optbench.results.jmh.JmhJsonReader;
import dev.optbench.results.model.BenchmarkResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine that dies in the middle of a run on two named engines ({@code --placement every}): the
 * dockerd of engine b is SIGKILLed after the second round. Its pairs keep the rounds they all
 * finished and are reported failed with the reason; engine a's pairs run every round; the run
 * completes, says so, and exits 1. The engines run side by side (a thread each, a core each), so b
 * dies while a unit may be running on a. Set up as {@link MainJobEnginesIT}; its own engines,
 * because this one kills one. Everything made here is removed in {@link #tearDown}.
 */
class MainJobEngineLossIT {
  private static TlsEngines engines;

  @TempDir Path tmp;

  @BeforeAll
  static void startTwoEngines() throws Exception {
    engines = TlsEngines.start("mainjob-engine-loss-it-", 2);
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (engines != null) {
      engines.close();
    }
  }

  @Test
  void anEngineLostMidRunEndsItsOwnPairsAndTheRunCompletesWithTheOthers() throws Exception {
    Path workload =
        TestWorkloads.write(tmp.resolve("w.json"), List.of(TestWorkloads.encode("enc", 1)));
    Path log = tmp.resolve("out.log");
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
            "8",
            "--engine",
            "a=" + engines.daemons().get(0).host() + ",cpus=0",
            "--engine",
            "b=" + engines.tls(1) + ",cpus=1",
            "--placement",
            "every");
    Process job = BenchmarksJar.start(tmp, log, List.of(), args);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (!BenchmarksJar.output(log).contains("[round  2/8]")) {
      if (!job.isAlive() && BenchmarksJar.output(log).contains(MainJobEnginesIT.ANOTHER_RUN)) {
        Thread.sleep(10_000); // another user's run measures on this machine: wait our turn
        job = BenchmarksJar.start(tmp, log, List.of(), args);
        continue;
      }
      assertThat(job.isAlive()).as(BenchmarksJar.output(log)).isTrue();
      assertThat(System.nanoTime()).as("round 2 within 10 minutes").isLessThan(deadline);
      Thread.sleep(100);
    }
    engines.daemons().get(1).crash();
    assertThat(job.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();

    String out = BenchmarksJar.output(log);
    assertThat(job.exitValue()).as(out).isEqualTo(1);
    assertThat(out)
        .contains("engines in parallel, one thread each: a on CPUs 0, b on CPUs 1")
        .contains("optbench: engine b was lost after ");
    Path run = BenchmarksJar.runFolder(tmp.resolve("optbench-results"));
    RunStatus status = RunStatus.read(run.resolve("run.json"));
    assertThat(status.status()).as(status.toString()).isEqualTo(RunStatus.COMPLETE);
    assertThat(status.message())
        .contains("enc on O0@b did not finish: its engine was lost after ")
        .contains("enc on O2@b did not finish");
    List<BenchmarkResult> rows = new JmhJsonReader().read(run.resolve("jmh.json"));
    int onA = -1;
    int onB = -1;
    for (BenchmarkResult r : rows) {
      int rounds = r.primaryMetric().samples().length;
      if (r.params().get("engine").equals("a")) {
        onA = rounds;
      } else if (onB == -1) {
        onB = rounds;
      } else {
        assertThat(rounds).as("both pairs on b keep the same rounds").isEqualTo(onB);
      }
    }
    assertThat(onA).isEqualTo(8);
    assertThat(onB).isBetween(2, 7);
    assertThat(MainJobIT.containers(engines.daemons().get(0).host(), run.getFileName().toString()))
        .as("containers left on a")
        .isEmpty();
  }
}
