package dev.optbench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkDirPathsTest {
  @Test
  void acceptsRelativePathsInsideTheWorkDir() {
    assertThat(WorkDirPaths.requireInside("out.mkv")).isEqualTo("out.mkv");
    assertThat(WorkDirPaths.requireInside("inputs/a-1s.mkv")).isEqualTo("inputs/a-1s.mkv");
    assertThat(WorkDirPaths.requireInside("frame-%03d.jpg")).isEqualTo("frame-%03d.jpg");
  }

  @Test
  void rejectsEverythingThatCouldLeaveIt() {
    for (String bad : List.of("/etc/passwd", "../out.mkv", "a/../../b", "~/x", "file:/x", "")) {
      assertThatThrownBy(() -> WorkDirPaths.requireInside(bad))
          .as(bad)
          .hasMessageContaining("leaves the work dir");
    }
  }

  @Test
  void commandsRejectEscapingOperandsButAcceptLavfiGraphs() {
    double[] d = new double[0];
    List<String> lavfi = List.of("ffmpeg", "-f", "lavfi", "-i", "testsrc2=size=1:rate=2", "o.nut");
    assertThat(
            new Command(Template.VIDEO_TRANSCODE, lavfi, List.of(), List.of(), List.of("o.nut"), d)
                .argv())
        .isEqualTo(lavfi);
    List<String> escaping = List.of("ffmpeg", "-i", "/etc/x.mkv", "o.nut");
    assertThatThrownBy(
            () ->
                new Command(
                    Template.VIDEO_TRANSCODE, escaping, List.of(), List.of(), List.of("o.nut"), d))
        .hasMessageContaining("/etc/x.mkv");
    assertThatThrownBy(
            () ->
                new Command(
                    Template.VIDEO_TRANSCODE,
                    List.of("sh", "-c", "x"),
                    List.of(),
                    List.of(),
                    List.of(),
                    d))
        .hasMessageContaining("placeholder");
    assertThatThrownBy(
            () ->
                new Command(
                    Template.VIDEO_TRANSCODE, lavfi, List.of(), List.of(), List.of("../o.nut"), d))
        .hasMessageContaining("leaves the work dir");
  }
}
