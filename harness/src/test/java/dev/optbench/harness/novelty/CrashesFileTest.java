package dev.optbench.harness.novelty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.harness.workload.Command;
import dev.optbench.harness.workload.InputMode;
import dev.optbench.harness.workload.OptionSpace;
import dev.optbench.harness.workload.SpaceConfig;
import dev.optbench.harness.workload.TestCapabilities;
import dev.optbench.harness.workload.WorkloadUnit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code .crashes.json} findings file, written by {@link GenerateWorkload#write}. */
class CrashesFileTest {
  private static final int SIGABRT = 6;
  private final OptionSpace space =
      new OptionSpace(TestCapabilities.minimal(), SpaceConfig.defaults());
  @TempDir Path dir;

  /** Aborts every two-pass command the way ffmpeg 5.1.9 does on "bitrate too low". */
  private static final class AbortingEvaluator implements Evaluator {
    private final FakeEvaluator fake = new FakeEvaluator();
    final List<Command> aborted = new ArrayList<>();

    @Override
    public Evaluation evaluate(Command c) {
      if (!c.before().isEmpty()) {
        aborted.add(c);
        return new Evaluation(
            Outcome.CRASH, Behaviour.NONE, -1, SIGABRT, "free(): double free detected");
      }
      Evaluation e = fake.evaluate(c);
      return e.outcome() == Outcome.CRASH ? Evaluation.valid(new Behaviour(1, 1, 1, 1)) : e;
    }
  }

  private GenerateWorkload.Result generate(Evaluator evaluator, SearchConfig c) {
    SearchResult r =
        new RandomSearch(space, evaluator, DescriptorSpace.INPUT, c, SearchListener.NONE).run();
    return GenerateWorkload.write(r, c, "ffmpeg test", InputMode.LIVE, dir.resolve("w.json"));
  }

  @Test
  void everyCrashIsRecordedWithItsArgvSignalAndStderrAndNeverEmitted() throws IOException {
    AbortingEvaluator evaluator = new AbortingEvaluator();
    SearchConfig c = SearchConfig.defaults(3, 200).withMaxUnits(200);

    GenerateWorkload.Result result = generate(evaluator, c);

    assertThat(evaluator.aborted).as("the search reached two-pass commands").isNotEmpty();
    Path file = dir.resolve("w.crashes.json");
    assertThat(file).exists();
    JsonNode findings = new ObjectMapper().readTree(file.toFile());
    assertThat(findings.size()).isEqualTo(evaluator.aborted.size()).isEqualTo(result.crashes());
    assertThat(result.summary().crashes()).isEqualTo(evaluator.aborted.size());
    for (int i = 0; i < findings.size(); i++) {
      JsonNode f = findings.get(i);
      Command crashed = evaluator.aborted.get(i);
      assertThat(strings(f.get("argv"))).isEqualTo(crashed.argv());
      assertThat(f.get("before").size()).isEqualTo(crashed.before().size());
      assertThat(strings(f.get("before").get(0))).isEqualTo(crashed.before().get(0));
      assertThat(f.get("signal").asInt()).isEqualTo(SIGABRT);
      assertThat(f.get("stderr").asText()).contains("double free");
    }
    List<List<String>> crashedArgv = evaluator.aborted.stream().map(Command::argv).toList();
    assertThat(result.workload().units()).isNotEmpty();
    assertThat(result.workload().units().stream().map(WorkloadUnit::argv))
        .doesNotContainAnyElementsOf(crashedArgv);
  }

  @Test
  void noCrashesFileWhenNothingCrashed() {
    Evaluator neverCrashes =
        command -> {
          Evaluation e = new FakeEvaluator().evaluate(command);
          return e.outcome() == Outcome.CRASH ? Evaluation.valid(new Behaviour(1, 1, 1, 1)) : e;
        };

    GenerateWorkload.Result result = generate(neverCrashes, SearchConfig.defaults(3, 60));

    assertThat(result.crashes()).isZero();
    assertThat(result.json()).exists();
    assertThat(result.summaryFile()).exists();
    assertThat(dir.resolve("w.crashes.json")).doesNotExist();
  }

  private static List<String> strings(JsonNode array) {
    List<String> s = new ArrayList<>();
    array.forEach(n -> s.add(n.asText()));
    return s;
  }
}
