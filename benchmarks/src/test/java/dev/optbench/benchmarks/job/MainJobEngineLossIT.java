package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.benchmarks.rounds.Pair;
import dev.optbench.benchmarks.rounds.RoundOrder;
import dev.optbench.harness.testing.TlsEngines;
import dev.optbench.results.compare.CompareOptions;
import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.MetricComparison;
import dev.optbench.results.jmh.JmhJsonReader;
import dev.optbench.results.jmh.Rounds;
import dev.optbench.results.model.BenchmarkResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine that dies in the middle of a run on two named engines: the dockerd of engine b is
 * SIGKILLed after the second round while a runs on. Under {@code --placement every} nothing can
 * move (a runs every variant already): b's pairs keep the rounds they all finished and are reported
 * failed with the reason. Under the default {@code whole} placement b's candidate moves whole to a:
 * its rounds on b are dropped, its image is built and its sandbox opened (and warmed up) on a, and
 * from the next round on it is paired with a's baseline round by round, with rounds added until it
 * has the planned ones there. Either way engine a's pairs run every round, the run completes, says
 * what happened, and exits 1. The engines run side by side (a thread each, a core each), so b dies
 * while a unit may be running on a. Set up as {@link MainJobEnginesIT}; engines of its own per
 * test, because each test kills one; everything made here is removed at the end of each test.
 */
class MainJobEngineLossIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void underEveryPlacementALostEnginesPairsAreReportedFailedAndTheRunCompletes() throws Exception {
    try (TlsEngines engines = TlsEngines.start("mainjob-engine-loss-it-", 2)) {
      Path log = tmp.resolve("out.log");
      Process job =
          runAndKillB(
              engines,
              log,
              args(engines, "--variants", "O0,O2", "-wi", "0", "-i", "8", "--placement", "every"));

      String out = BenchmarksJar.output(log);
      assertThat(job.exitValue()).as(out).isEqualTo(1);
      assertThat(out)
          .contains("engines in parallel, one thread each: a on CPUs 0, b on CPUs 1")
          .contains("optbench: engine b was lost after ")
          .contains(
              "optbench: nothing of engine b moves (the every placement runs every variant on"
                  + " every engine already)")
          .doesNotContain("moves whole");
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
      System.out.printf("every placement: %d rounds on a, %d kept on b%n", onA, onB);
      assertThat(onA).isEqualTo(8);
      assertThat(onB).isBetween(2, 7);
      assertThat(containersOnA(engines, run)).as("containers left on a").isEmpty();
    }
  }

  @Test
  void underWholePlacementALostEnginesCandidateMovesWholeAndIsComparedOnItsNewEngine()
      throws Exception {
    try (TlsEngines engines = TlsEngines.start("mainjob-engine-move-it-", 2)) {
      Path log = tmp.resolve("out.log");
      // whole placement: O0 and the baseline O2 on a, O1 and O2 on b
      int planned = 6;
      Process job =
          runAndKillB(
              engines,
              log,
              args(engines, "--variants", "O0,O1,O2", "-wi", "1", "-i", "" + planned));

      String out = BenchmarksJar.output(log);
      assertThat(job.exitValue()).as(out).isEqualTo(1);
      assertThat(out)
          .contains("whole placement")
          .contains("optbench: engine b was lost after ")
          .contains("optbench: O1 moves whole from engine b to engine a after round ")
          .contains("image of O1 built on engine a")
          .contains("O1 warmed up on engine a: 1 invocation(s)")
          .contains("so that the moved variant(s) get the " + planned + " planned rounds");
      Path run = BenchmarksJar.runFolder(tmp.resolve("optbench-results"));

      // failures.jsonl: what moved, from where, after which round, why, and the rounds dropped
      List<Map<String, Object>> moved = new ArrayList<>();
      for (String line : Files.readAllLines(run.resolve("failures.jsonl"))) {
        Map<String, Object> f = JSON.readValue(line, new TypeReference<Map<String, Object>>() {});
        if (f.containsKey("movedTo")) {
          moved.add(f);
        }
      }
      assertThat(moved).as(out).hasSize(1);
      Map<String, Object> move = moved.get(0);
      assertThat(move)
          .containsEntry("variant", "O1")
          .containsEntry("engine", "b")
          .containsEntry("unit", "enc")
          .containsEntry("movedTo", "a");
      assertThat((String) move.get("engineLost")).isNotBlank();
      int afterRound = (Integer) move.get("afterRound");
      // b died once round 2 was over: its loss shows in round 3 at the latest
      assertThat(afterRound).isBetween(2, 3);
      assertThat((Integer) move.get("roundsDropped")).isBetween(2, afterRound);
      int total = afterRound + planned;
      assertThat(out).contains(String.format("[round %2d/%d]", total, total));

      // jmh.json: the moved variant measured on a only, from the rounds after the loss
      List<BenchmarkResult> rows = new JmhJsonReader().read(run.resolve("jmh.json"));
      List<BenchmarkResult> o1 =
          rows.stream().filter(r -> r.params().get("variant").equals("O1")).toList();
      assertThat(o1).as("one result for O1, none left on b").hasSize(1);
      BenchmarkResult onA = o1.get(0);
      assertThat(onA.params()).containsEntry("engine", "a");
      double[] rounds = onA.secondaryMetrics().get(Rounds.ROUND).samples();
      assertThat(rounds)
          .hasSize(onA.primaryMetric().samples().length)
          .hasSizeGreaterThan(planned - 1);
      assertThat(Arrays.stream(rounds).min().orElseThrow())
          .as("only rounds after the loss")
          .isEqualTo(afterRound);
      assertThat(Arrays.stream(rounds).max().orElseThrow()).isEqualTo(total - 1);
      for (BenchmarkResult r : rows) {
        if (r.params().get("engine").equals("a") && !r.params().get("variant").equals("O1")) {
          assertThat(r.primaryMetric().samples())
              .as("%s on a ran every round", r.params())
              .hasSize(total);
          assertThat(r.secondaryMetrics()).doesNotContainKey(Rounds.ROUND);
        }
      }
      RoundOrder order = RoundOrder.read(run);
      assertThat(order.rounds()).hasSize(total);
      assertThat(order.rounds().get(total - 1)).contains(new Pair("O1", "a", "enc"));
      assertThat(order.rounds().get(0)).contains(new Pair("O1", "b", "enc"));

      // its ratio to the baseline on a, from same-round pairs
      Map<String, Comparison> comparisons =
          Comparison.againstBaseline(
              "O2",
              RunReport.variants(run.resolve("jmh.json")),
              CompareOptions.defaults().withPaired(true));
      MetricComparison wall =
          comparisons.get("O1").rows().stream()
              .filter(r -> r.key().params().get("engine").equals("a"))
              .filter(r -> r.metric().equals("wall"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(comparisons.get("O1").rows().toString()));
      assertThat(wall.paired()).as("same-round pairs").isTrue();
      assertThat(wall.hasRatio()).isTrue();
      assertThat(wall.candidate().n()).as("pairs").isEqualTo(wall.baseline().n());
      assertThat(wall.ratio().ratio()).isPositive();

      // what the test saw, for the log (failsafe keeps it)
      out.lines()
          .filter(l -> l.contains("engine b") || l.contains("round(s)") || l.contains("[round"))
          .forEach(System.out::println);
      System.out.printf(
          "O1 on a: rounds %s; O1/O2 wall on a %.3f [%.3f, %.3f] from %d pairs, %s%n",
          Arrays.toString(rounds),
          wall.ratio().ratio(),
          wall.ratio().low(),
          wall.ratio().high(),
          wall.candidate().n(),
          wall.verdict());

      // run.json and the summary say what moved
      RunStatus status = RunStatus.read(run.resolve("run.json"));
      assertThat(status.status()).as(status.toString()).isEqualTo(RunStatus.COMPLETE);
      assertThat(status.message())
          .contains("enc on O1 moved whole from engine b to engine a after round " + afterRound)
          .contains("enc on O2@b did not finish");
      assertThat(Files.readString(run.resolve("summary.md"))).contains("moved whole from engine b");
      assertThat(containersOnA(engines, run)).as("containers left on a").isEmpty();
    }
  }

  /** Starts the job, SIGKILLs engine b's dockerd once round 2 is over, waits for the end. */
  private Process runAndKillB(TlsEngines engines, Path log, List<String> args) throws Exception {
    Process job = BenchmarksJar.start(tmp, log, List.of(), args);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
    while (!BenchmarksJar.output(log).contains("[round  2/")) {
      if (!job.isAlive() && BenchmarksJar.output(log).contains(MainJobEnginesIT.ANOTHER_RUN)) {
        Thread.sleep(10_000); // another user's run measures on this machine: wait our turn
        job = BenchmarksJar.start(tmp, log, List.of(), args);
        continue;
      }
      assertThat(job.isAlive()).as(BenchmarksJar.output(log)).isTrue();
      assertThat(System.nanoTime()).as("round 2 within 15 minutes").isLessThan(deadline);
      Thread.sleep(100);
    }
    engines.daemons().get(1).crash();
    assertThat(job.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
    return job;
  }

  private List<String> args(TlsEngines engines, String... more) throws Exception {
    Path workload =
        TestWorkloads.write(tmp.resolve("w.json"), List.of(TestWorkloads.encode("enc", 1)));
    List<String> args =
        new ArrayList<>(
            List.of(
                "--workload",
                workload.toString(),
                "--min-unit-ms",
                "0",
                "--engine",
                "a=" + engines.daemons().get(0).host() + ",cpus=0",
                "--engine",
                "b=" + engines.tls(1) + ",cpus=1"));
    args.addAll(List.of(more));
    return args;
  }

  private static List<String> containersOnA(TlsEngines engines, Path run) throws Exception {
    return MainJobIT.containers(engines.daemons().get(0).host(), run.getFileName().toString());
  }
}
