package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.benchmarks.rounds.RoundOrder;
import dev.optbench.harness.testing.Services;
import dev.optbench.results.model.BenchmarkResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 5 end to end: {@code --precision} adds interleaved rounds after the planned ones
 * until the verdict's intervals are narrow enough, up to {@code --max-rounds}, and says so. A
 * target no real run can reach (±0.01 %) makes the run deterministic: 6 planned rounds, then 2
 * more, then it stops at the cap, and the results hold every round in the order rounds.json
 * records.
 */
class MainJobPrecisionIT {
  @TempDir Path tmp;

  @Test
  void anUnreachableTargetAddsRoundsUpToTheCapAndSaysSo() throws Exception {
    if (!Files.isWritable(Path.of("/sys/fs/cgroup/memory"))) {
      Services.missing("a writable cgroup v1 memory controller (run as root)");
    }
    Path workload =
        TestWorkloads.write(tmp.resolve("w.json"), List.of(TestWorkloads.encode("enc", 1)));
    BenchmarksJar.Finished job =
        BenchmarksJar.runToEnd(
            tmp,
            List.of(),
            List.of(
                "--variants",
                "O0,O2",
                "--workload",
                workload.toString(),
                "--runtime",
                "cgroup",
                "--order-seed",
                "5",
                "-wi",
                "0",
                "-i",
                "6",
                "--precision",
                "0.01%",
                "--max-rounds",
                "8"));
    String out = job.output();
    assertThat(job.exit()).as(out).isZero();
    assertThat(out)
        .contains(
            "then more rounds until every (variant, unit) ratio's 95 % interval is within ±0.01 %"
                + " (--precision)")
        .contains("precision: after 6 rounds 1 of 1 intervals of wall time are wider than ±0.0 %")
        .contains("2 more rounds (at most 8 in all)")
        .contains("[round  8/8]")
        .contains("precision: stopped at 8 rounds (--max-rounds)");

    Path run = BenchmarksJar.runFolder(tmp.resolve("optbench-results"));
    RoundOrder order = RoundOrder.read(run);
    assertThat(order.rounds()).hasSize(8);
    assertThat(order.rounds().subList(0, 6))
        .as("the planned rounds stay the recorded order's first ones")
        .isEqualTo(RoundOrder.shuffled(List.of("O0", "O2"), List.of("enc"), 0, 6, 5).rounds());
    Map<String, List<BenchmarkResult>> variants = RunReport.variants(run.resolve("jmh.json"));
    for (List<BenchmarkResult> results : variants.values()) {
      assertThat(results.get(0).primaryMetric().samples()).as("one value per round").hasSize(8);
    }
    assertThat(RunStatus.read(run.resolve("run.json")).status()).isEqualTo(RunStatus.COMPLETE);
  }
}
