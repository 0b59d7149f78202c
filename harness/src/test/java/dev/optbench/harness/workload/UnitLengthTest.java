package dev.optbench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitLengthTest {
  private static final List<String> LIVE =
      List.of(
          "ffmpeg",
          "-nostdin",
          "-y",
          "-t",
          "2",
          "-f",
          "lavfi",
          "-i",
          "testsrc=size=160x120:rate=25",
          "-t",
          "9",
          "-c:v",
          "mpeg4",
          "out.nut");

  private static WorkloadUnit unit(Template t, List<List<String>> before, List<String> argv) {
    return new WorkloadUnit("u-1", t, argv, before, List.of(), null, 7, 3);
  }

  @Test
  void multipliesOnlyTheLiveInputsDurationAndRenamesTheUnit() {
    WorkloadUnit longer = UnitLength.times(unit(Template.VIDEO_TRANSCODE, List.of(), LIVE), 8);
    assertThat(longer.id()).isEqualTo("u-1.x8");
    // the input's -t 2 becomes 16; the output option -t 9 (not before -f lavfi -i) stays
    assertThat(longer.argv())
        .containsExactly(
            "ffmpeg",
            "-nostdin",
            "-y",
            "-t",
            "16",
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=160x120:rate=25",
            "-t",
            "9",
            "-c:v",
            "mpeg4",
            "out.nut");
    assertThat(longer.template()).isEqualTo(Template.VIDEO_TRANSCODE);
    assertThat(longer.seed()).isEqualTo(7);
    assertThat(longer.generation()).isEqualTo(3);
    assertThat(WorkloadValidator.ID.matcher(longer.id()).matches()).isTrue();
  }

  @Test
  void scalesEveryStepOfATwoPassUnitAlike() {
    WorkloadUnit twoPass = unit(Template.TWO_PASS, List.of(LIVE), LIVE);
    WorkloadUnit longer = UnitLength.times(twoPass, 4);
    assertThat(longer.before().get(0).get(4)).isEqualTo("8");
    assertThat(longer.argv().get(4)).isEqualTo("8");
    assertThat(longer.steps()).hasSize(2);
  }

  @Test
  void factorOneIsTheSameUnit() {
    WorkloadUnit u = unit(Template.VIDEO_TRANSCODE, List.of(), LIVE);
    assertThat(UnitLength.times(u, 1)).isSameAs(u);
  }

  @Test
  void usersCommandsFileInputsAndUnitsWithoutALiveDurationAreNotRewritten() {
    assertThat(UnitLength.whyNot(unit(null, List.of(), LIVE)))
        .contains("a user command: measured as written");
    WorkloadUnit files =
        new WorkloadUnit(
            "f", Template.VIDEO_TRANSCODE, LIVE, List.of(), List.of("inputs/a.mkv"), null, 0, 0);
    assertThat(UnitLength.whyNot(files)).contains("reads input files of a fixed length");
    List<String> noDuration =
        List.of("ffmpeg", "-f", "lavfi", "-i", "testsrc2=duration=1", "-f", "null", "-");
    assertThat(UnitLength.whyNot(unit(Template.VIDEO_TRANSCODE, List.of(), noDuration)))
        .hasValueSatisfying(why -> assertThat(why).contains("-t N -f lavfi -i"));
    // a two-pass unit whose first pass has no live duration would fall out of step
    assertThat(UnitLength.whyNot(unit(Template.TWO_PASS, List.of(noDuration), LIVE))).isPresent();
    assertThatThrownBy(() -> UnitLength.times(unit(null, List.of(), LIVE), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user command");
  }

  @Test
  void aWarmUpRunsEveryStepOnAFifthOfASecondOfLiveMedia() {
    WorkloadUnit twoPass = unit(Template.TWO_PASS, List.of(LIVE), LIVE);
    List<List<String>> warmup = UnitLength.warmupSteps(UnitLength.times(twoPass, 8));
    assertThat(warmup).hasSize(2);
    for (List<String> step : warmup) {
      assertThat(step.get(4)).isEqualTo(UnitLength.WARMUP_SECONDS);
      // the output option -t 9 is not a live input's duration: it stays
      assertThat(step.subList(9, 11)).containsExactly("-t", "9");
      assertThat(step.size()).isEqualTo(LIVE.size());
    }
  }

  @Test
  void aUsersCommandWarmsUpAsWritten() {
    WorkloadUnit mine = unit(null, List.of(), LIVE);
    assertThat(UnitLength.warmupSteps(mine)).containsExactly(LIVE);
  }

  @Test
  void aDurationThatIsNotAPlainCountIsLeftAlone() {
    List<String> fractional =
        List.of("ffmpeg", "-t", "0.5", "-f", "lavfi", "-i", "sine", "-f", "null", "-");
    assertThat(UnitLength.whyNot(unit(Template.AUDIO_TRANSCODE, List.of(), fractional)))
        .isPresent();
  }
}
