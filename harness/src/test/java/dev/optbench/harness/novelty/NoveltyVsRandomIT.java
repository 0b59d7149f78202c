package dev.optbench.harness.novelty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.workload.FfmpegCapabilities;
import dev.optbench.harness.workload.FfmpegComponents;
import dev.optbench.harness.workload.OptionSpace;
import dev.optbench.harness.workload.ReferenceFfmpeg;
import dev.optbench.harness.workload.SpaceConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a fixed seed and equal budget, novelty search and random search against the real binary.
 * Behaviour is measured (CPU, memory, output), so cell counts move between runs even with the same
 * seed: the same 200 random commands covered 71 cells at load 2 and 63 at load 5. Measured
 * (harness/WORKLOADS.md, 2026-12-01) novelty is ahead at 200 evaluations on 3 of 4 held-out seeds
 * and level at 50 and 100 (2 of 4 each, worst 70 % of random's cells at 50, 92 % at 100). That does
 * not support "novelty >= random" on any one seed, so this test checks the weaker claim the figures
 * hold with room to spare: at 96 evaluations novelty covers at least 85 % of random's cells (with 1
 * s inputs it had 48 vs 43 on this seed, 47 vs 45 and 48 vs 38 on seeds 1 and 3). It still fails if
 * novelty collapses into one region of behaviour space.
 */
class NoveltyVsRandomIT {
  /** Eight generations of 12; both searches together took 56 s on 2 cores at load 4. */
  private static final int BUDGET = 96;

  @TempDir Path work;

  @Test
  void noveltyCoversAsMuchBehaviourSpaceAsRandomWithinMeasurementNoise() {
    Path ffmpeg = ReferenceFfmpeg.locate();
    OptionSpace space =
        new OptionSpace(
            FfmpegCapabilities.probe(ffmpeg, FfmpegComponents.standard()),
            SpaceConfig.defaults().withSeconds(1, 1));
    Evaluator evaluator =
        new ReferenceEvaluator(
            ffmpeg,
            ExecHelper.ensureBuilt(ReferenceFfmpeg.cacheDir()),
            work,
            GenerateWorkload.DEFAULT_TIMEOUT,
            space.config().inputMode());
    SearchConfig config = SearchConfig.defaults(2, BUDGET);

    SearchComparison.Report report =
        SearchComparison.run(
            space,
            evaluator,
            DescriptorSpace.BEHAVIOUR,
            config,
            new ConsoleSearchListener(System.out),
            SearchComparison.DEFAULT_CELLS);
    System.out.println(report.table());

    assertThat(report.novelty().summary().evaluations()).isEqualTo(BUDGET);
    assertThat(report.random().summary().evaluations()).isEqualTo(BUDGET);
    int random = report.randomExplored().occupiedCells();
    assertThat(random).as("random search explores the space at all").isGreaterThanOrEqualTo(10);
    assertThat(report.noveltyExplored().occupiedCells())
        .isGreaterThanOrEqualTo((int) Math.floor(0.85 * random));
  }
}
