package dev.optbench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadWriterTest {
  @TempDir Path dir;

  private static final List<String> NASTY =
      List.of("it's", "a b", "$(touch pwned)", "`x`", "\"q\"", "back\\slash", "semi;colon", "*");

  @Test
  void quotesEveryArgumentSoTheShellPassesItThroughUnchanged() throws Exception {
    assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
    // The script is never run by optbench; here sh only echoes the quoted args back.
    StringBuilder cmd = new StringBuilder("printf '%s\\n'");
    NASTY.forEach(a -> cmd.append(' ').append(ShellQuote.quote(a)));
    Process p = new ProcessBuilder("sh", "-c", cmd.toString()).directory(dir.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(out.split("\n")).containsExactlyElementsOf(NASTY);
    assertThat(dir.resolve("pwned")).doesNotExist();
  }

  @Test
  void writesJsonThatReadsBackAndAScriptWithEveryStep() {
    List<String> argv = new ArrayList<>(List.of("ffmpeg", "-f", "lavfi", "-i", "sine"));
    argv.addAll(List.of("-metadata", "title=it's", "out.wav"));
    WorkloadUnit unit =
        new WorkloadUnit(
            "novelty-0001",
            Template.TWO_PASS,
            argv,
            List.of(List.of("ffmpeg", "-pass", "1", "pass1.null")),
            List.of(),
            new WorkloadUnit.Descriptors(List.of(0.5, 1.0), null),
            7,
            3);
    WorkloadFile file =
        new WorkloadFile(
            WorkloadFile.FORMAT,
            new WorkloadFile.Generator("novelty", "input", 7, 10, "ffmpeg 5.1.9", InputMode.LIVE),
            List.of(),
            List.of(unit));
    Path json = dir.resolve("w.json");
    Path script = WorkloadWriter.write(file, json);

    assertThat(WorkloadWriter.read(json)).isEqualTo(file);
    assertThat(script.getFileName().toString()).isEqualTo("w.sh");
    assertThat(WorkloadWriter.script(file))
        .contains("\"$FFMPEG\" '-pass' '1' 'pass1.null'\n")
        .contains("'title=it'\\''s' 'out.wav'\n")
        .startsWith("#!/bin/sh\n");
    assertThat(WorkloadWriter.json(file)).doesNotContain("behaviour").endsWith("}\n");
  }

  @Test
  void scriptIsWrittenButNotExecutable() throws Exception {
    Path script =
        WorkloadWriter.write(
            new WorkloadFile(
                WorkloadFile.FORMAT,
                new WorkloadFile.Generator("random", "input", 1, 1, "x", InputMode.LIVE),
                List.of(),
                List.of()),
            dir.resolve("e.json"));
    assertThat(Files.isExecutable(script)).isFalse();
  }
}
