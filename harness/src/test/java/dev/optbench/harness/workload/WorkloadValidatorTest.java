package dev.optbench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadValidatorTest {
  private static final List<String> GOOD =
      List.of(
          "ffmpeg",
          "-f",
          "lavfi",
          "-i",
          "testsrc2=size=320x240:rate=25",
          "-vf",
          "scale=iw/2:ih/2",
          "-passlogfile",
          "passlog",
          "out.mkv");

  private static WorkloadUnit unit(String id, List<String> argv) {
    return new WorkloadUnit(id, Template.VIDEO_TRANSCODE, argv, null, null, null, 0, 0);
  }

  private static WorkloadFile file(List<WorkloadFile.InputFile> inputs, WorkloadUnit... units) {
    return new WorkloadFile(WorkloadFile.FORMAT, null, inputs, List.of(units));
  }

  private static void refused(WorkloadFile w, String message) {
    assertThatThrownBy(() -> WorkloadValidator.check(w, "w.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("workload file w.json: ")
        .hasMessageContaining(message);
  }

  @Test
  void aGoodWorkloadPassesAndMissingOptionalFieldsAreEmpty() {
    WorkloadFile w = file(null, unit("novelty-0001", GOOD));
    assertThatCode(() -> WorkloadValidator.check(w, "w.json")).doesNotThrowAnyException();
    assertThat(w.inputs()).isEmpty();
    assertThat(w.units().get(0).before()).isEmpty();
    assertThat(w.units().get(0).inputs()).isEmpty();
  }

  @Test
  void idsAreSafeAndUnique() {
    refused(file(null, unit("a", GOOD), unit("a", GOOD)), "unit 'a' appears twice");
    refused(file(null, unit("../../tmp/evil", GOOD)), "has the id '../../tmp/evil'");
    refused(file(null, unit("", GOOD)), "has the id ''");
    refused(file(null, unit(null, GOOD)), "unit #1 has no \"id\"");
    refused(file(null, unit("x".repeat(65), GOOD)), "ids must be 1-64");
  }

  @Test
  void everyStepRunsOnlyTheVariantsProgramsInsideTheWorkFolder() {
    refused(file(null, unit("a", List.of())), "unit 'a' has an empty argv");
    refused(file(null, unit("a", null)), "unit 'a' has no \"argv\"");
    refused(
        file(null, unit("a", List.of("optbench-exec", "--", "/bin/sh", "-c", "id"))),
        "unit 'a' runs 'optbench-exec'");
    refused(file(null, unit("a", List.of("/bin/sh", "-c", "id"))), "unit 'a' runs '/bin/sh'");
    refused(file(null, unit("a", List.of("ffmpeg", "-i", "x", "/etc/out.mkv"))), "'/etc/out.mkv'");
    refused(file(null, unit("a", List.of("ffmpeg", "-i", "../x.mkv", "o.mkv"))), "'../x.mkv'");
    refused(file(null, unit("a", List.of("ffmpeg", "-i", "file:/etc/passwd"))), "file:/etc");
    refused(file(null, unit("a", List.of("ffmpeg", "-i", "~/x"))), "'~/x'");
    List<String> withNull = new ArrayList<>(GOOD);
    withNull.add(null);
    refused(file(null, unit("a", withNull)), "null argument");
    WorkloadUnit before =
        new WorkloadUnit(
            "b", Template.TWO_PASS, GOOD, List.of(List.of("/bin/sh")), null, null, 0, 0);
    refused(file(null, before), "unit 'b' (a step in \"before\") runs '/bin/sh'");
    // a hand-written unit needs no template (issue 17): only id and argv
    WorkloadUnit noTemplate = new WorkloadUnit("c", null, GOOD, null, null, null, 0, 0);
    assertThatCode(() -> WorkloadValidator.check(file(null, noTemplate), "w.json"))
        .doesNotThrowAnyException();
  }

  @Test
  void inputRendersAreCheckedLikeUnits() {
    refused(
        file(
            List.of(new WorkloadFile.InputFile("/etc/x.mkv", List.of("ffmpeg", "x.mkv"))),
            unit("a", GOOD)),
        "the input path '/etc/x.mkv' leaves the work folder");
    refused(
        file(
            List.of(new WorkloadFile.InputFile("inputs/x.mkv", List.of("optbench-exec"))),
            unit("a", GOOD)),
        "the render of input 'inputs/x.mkv' runs 'optbench-exec'");
    refused(file(List.of(), new WorkloadUnit[0]), "it has no units");
  }

  @Test
  void lavfiExpressionsWithSlashesAreNotPaths() {
    assertThat(WorkloadValidator.leavesWorkFolder("scale=iw/2:ih/2")).isFalse();
    assertThat(WorkloadValidator.leavesWorkFolder("inputs/a.mkv")).isFalse();
    assertThat(WorkloadValidator.leavesWorkFolder("/dev/null")).isTrue();
    assertThat(WorkloadValidator.leavesWorkFolder("a/../../b")).isTrue();
  }

  @Test
  void whatTheGeneratorWritesPasses() {
    OptionSpace space = new OptionSpace(TestCapabilities.minimal(), SpaceConfig.defaults());
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    List<WorkloadUnit> units = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Command c = space.render(Genome.random(random));
      List<List<String>> steps = c.steps();
      units.add(
          new WorkloadUnit(
              "novelty-" + i,
              c.template(),
              steps.get(steps.size() - 1),
              steps.subList(0, steps.size() - 1),
              null,
              null,
              0,
              0));
    }
    WorkloadFile w = new WorkloadFile(WorkloadFile.FORMAT, null, null, units);
    assertThatCode(() -> WorkloadValidator.check(w, "generated.json")).doesNotThrowAnyException();
  }
}
