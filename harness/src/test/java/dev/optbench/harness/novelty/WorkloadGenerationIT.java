package dev.optbench.harness.novelty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.workload.Command;
import dev.optbench.harness.workload.InputMode;
import dev.optbench.harness.workload.ReferenceFfmpeg;
import dev.optbench.harness.workload.SpaceConfig;
import dev.optbench.harness.workload.WorkloadFile;
import dev.optbench.harness.workload.WorkloadUnit;
import dev.optbench.harness.workload.WorkloadWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates small workloads against the real reference binary. */
class WorkloadGenerationIT {
  @TempDir Path dir;

  private GenerateWorkload.Result generate(String name, int budget, SpaceConfig space) {
    Path ffmpeg = ReferenceFfmpeg.locate();
    var request =
        new GenerateWorkload.Request(
            ffmpeg,
            dir.resolve("work-" + name),
            11,
            budget,
            DescriptorSpace.INPUT,
            GenerateWorkload.SearchKind.NOVELTY,
            dir.resolve(name + ".json"));
    SearchConfig search = SearchConfig.defaults(11, budget).withPopulation(8, 3);
    return GenerateWorkload.run(
        request, space, search, GenerateWorkload.DEFAULT_TIMEOUT, SearchListener.NONE);
  }

  @Test
  void inputSpaceWorkloadsAreByteIdenticalForTheSameSeedAndEveryUnitRunsCleanly() throws Exception {
    GenerateWorkload.Result first = generate("a", 20, SpaceConfig.defaults());
    GenerateWorkload.Result second = generate("b", 20, SpaceConfig.defaults());

    assertThat(Files.readString(second.json())).isEqualTo(Files.readString(first.json()));
    assertThat(Files.readString(second.script())).isEqualTo(Files.readString(first.script()));
    assertThat(first.summary().evaluations()).isEqualTo(20);
    assertThat(first.workload().units()).isNotEmpty();
    assertThat(WorkloadWriter.read(first.json())).isEqualTo(first.workload());
    assertEveryUnitRunsCleanly(first.workload(), InputMode.LIVE);
  }

  @Test
  void materialisedInputsAreListedAndUsable() throws Exception {
    SpaceConfig files = SpaceConfig.defaults().withInputMode(InputMode.FILES).withSeconds(1, 1);
    GenerateWorkload.Result r = generate("files", 10, files);

    assertThat(r.workload().inputs()).isNotEmpty();
    for (WorkloadUnit u : r.workload().units()) {
      assertThat(u.inputs()).allMatch(p -> p.startsWith("inputs/"));
      assertThat(u.argv()).noneMatch(a -> a.equals("lavfi"));
    }
    assertThat(dir.resolve("work-files/media/" + r.workload().inputs().get(0).path()))
        .isRegularFile();
    assertEveryUnitRunsCleanly(r.workload(), InputMode.FILES);
  }

  /** Re-runs every emitted unit, exactly as written, on the reference binary. */
  private void assertEveryUnitRunsCleanly(WorkloadFile workload, InputMode mode) {
    Path ffmpeg = ReferenceFfmpeg.locate();
    Evaluator check =
        new ReferenceEvaluator(
            ffmpeg,
            ExecHelper.ensureBuilt(ReferenceFfmpeg.cacheDir()),
            dir.resolve("recheck"),
            Duration.ofSeconds(60),
            mode);
    for (WorkloadUnit u : workload.units()) {
      Command c =
          new Command(u.template(), u.argv(), u.before(), List.of(), List.of(), new double[0]);
      if (mode == InputMode.FILES) {
        linkInputs(u);
      }
      Evaluation e = check.evaluate(c);
      assertThat(e.outcome())
          .as("%s: %s\n%s", u.id(), u.argv(), e.diagnostic())
          .isEqualTo(Outcome.VALID);
    }
  }

  private void linkInputs(WorkloadUnit u) {
    // The evaluator renders files from Command.inputs(); a re-read unit only has their paths,
    // so point its media dir at the one generation filled.
    try {
      Path media = dir.resolve("recheck/media");
      if (!Files.exists(media)) {
        Files.createDirectories(media.getParent());
        Files.createSymbolicLink(media, dir.resolve("work-files/media"));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
