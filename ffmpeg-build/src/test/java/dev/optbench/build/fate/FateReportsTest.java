package dev.optbench.build.fate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.build.manifest.BuildManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FateReportsTest {
  @Test
  void listKeepsOnlyTestNamesFromMakesOutput() {
    String out =
        "make: Entering directory '/tmp/x'\nfate-acodec-flac\nfate-filter-volume\n\n"
            + "make: Leaving directory '/tmp/x'\n";
    assertThat(FateReports.listed(out)).containsExactly("acodec-flac", "filter-volume");
  }

  @Test
  void statusZeroPassesAnythingElseFails() {
    // Lines as tests/fate-run.sh writes them: name:status:base64(cmp):base64(err)
    assertThat(FateReports.passed("filter-volume:0::\n")).isTrue();
    assertThat(FateReports.passed("filter-volume:1:LS0tIGE=:ZXJy\n")).isFalse();
    assertThat(FateReports.passed("filter-volume:SEGV:LS0t:ZXJy")).isFalse();
    assertThat(FateReports.passed("")).isFalse();
  }

  @Test
  void unreportedTestsAreSkippedAndFailuresNamedInOrder() {
    BuildManifest.Fate f =
        FateReports.summarise(
            List.of("a", "b", "c", "d", "e"),
            Map.of("a", "a:0::", "d", "d:1:x:y", "b", "b:SEGV::", "zz", "zz:0::"),
            12.5,
            600,
            false);
    assertThat(f.listed()).isEqualTo(5);
    assertThat(f.passed()).isEqualTo(1);
    assertThat(f.failed()).isEqualTo(2);
    assertThat(f.skipped()).isEqualTo(2);
    assertThat(f.failedTests()).containsExactly("b", "d");
    assertThat(f.seconds()).isEqualTo(12.5);
    assertThat(f.limitSeconds()).isEqualTo(600);
  }

  @Test
  void reportsAreReadFromFatesDataFolder(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("acodec-flac.rep"), "acodec-flac:0::\n");
    Files.writeString(dir.resolve("acodec-flac.out"), "not a report");
    assertThat(FateRun.reports(dir)).containsOnlyKeys("acodec-flac");
    assertThat(FateRun.reports(dir.resolve("absent"))).isEmpty();
  }
}
