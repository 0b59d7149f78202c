package dev.optbench.harness.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole files or none; a failed write names the file and leaves no temporary file. */
class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void writesAndReplacesWholeFilesWithoutLeavingTheTemporaryOne() throws Exception {
    Path f = dir.resolve("run.json");
    AtomicFile.writeString(f, "one");
    AtomicFile.writeString(f, "two");
    assertThat(f).hasContent("two");
    assertThat(dir.resolve("run.json.tmp")).doesNotExist();
  }

  @Test
  void appendLineAddsWholeLines() throws Exception {
    Path f = dir.resolve("failures.jsonl");
    AtomicFile.appendLine(f, "{\"a\":1}");
    AtomicFile.appendLine(f, "{\"a\":2}");
    assertThat(Files.readAllLines(f)).containsExactly("{\"a\":1}", "{\"a\":2}");
  }

  @Test
  void aFailedWriteNamesTheFileAndKeepsTheOldContent() throws Exception {
    Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
    Path f = blocker.resolve("summary.md");
    assertThatThrownBy(() -> AtomicFile.writeString(f, "text"))
        .isInstanceOf(ResultWriteException.class)
        .hasMessageStartingWith("cannot write " + f);

    Path kept = dir.resolve("kept.json");
    AtomicFile.writeString(kept, "old");
    Files.createDirectories(dir.resolve("kept.json.tmp")); // the temp cannot be created
    assertThatThrownBy(() -> AtomicFile.writeString(kept, "new"))
        .isInstanceOf(ResultWriteException.class);
    assertThat(kept).hasContent("old");
  }

  @Test
  void staleFilesAreTemporaryAndUnpublishedOnesOnly() throws Exception {
    Path samples = Files.createDirectories(dir.resolve("run/samples"));
    Files.writeString(samples.resolve("O2-a.lp"), "x");
    Files.writeString(samples.resolve("O2-a.spool"), "x");
    Files.writeString(samples.resolve("O2-b.lp.partial"), "x");
    Files.writeString(dir.resolve("run/jmh.json.writing"), "");
    Files.writeString(dir.resolve("run/run.json.tmp"), "");
    assertThat(StaleFiles.removeIn(dir.resolve("run"))).isEqualTo(3);
    try (var left = Files.walk(dir.resolve("run"))) {
      assertThat(left.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("O2-a.lp", "O2-a.spool");
    }
    assertThat(StaleFiles.removeIn(dir.resolve("gone"))).isZero();
  }
}
