package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --check-outputs} on the real O0 and O2 builds (CI cache), with a command-list workload:
 * units whose outputs agree between the variants pass, and a unit whose output differs is flagged.
 * O0 and O2 of the minimal profile agree on every deterministic command tried (aac encode, bicubic
 * scale, volume+aresample: same md5, measured 2026-12-02), so the differing unit is one whose
 * output is not a function of its command: anoisesrc without a seed draws one from the clock.
 */
class OutputCheckIT {
  @TempDir Path tmp;

  @Test
  void sameOutputsPassAndADifferingOutputIsFlagged() throws Exception {
    Path workload =
        Files.writeString(
            tmp.resolve("mine.txt"),
            String.join(
                "\n",
                "# a user's own commands",
                "frames: ffmpeg -nostdin -y -loglevel error -f lavfi"
                    + " -i 'testsrc=size=160x120:rate=10:duration=1' -vf 'scale=80x60:flags=bicubic'"
                    + " -f framemd5 'frames; $(id).md5'",
                "aac: ffmpeg -nostdin -loglevel error -f lavfi -i \"sine=frequency=440:duration=1\""
                    + " -c:a aac -b:a 96k -f md5 -",
                "noise: ffmpeg -nostdin -loglevel error -f lavfi -i anoisesrc=d=0.2 -f md5 -",
                ""));
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
                "process",
                "--check-outputs",
                "-f",
                "1",
                "-wi",
                "0",
                "-i",
                "1"));
    String out = job.output();
    assertThat(job.exit()).as(out).isZero();
    assertThat(out).contains("outputs vs O2: 2 same, 1 differs, 0 failed (noise on O0 differs)");

    Path run = BenchmarksJar.runFolder(tmp.resolve("optbench-results"));
    JsonNode units = new ObjectMapper().readTree(run.resolve("outputs.json").toFile()).get("units");
    assertThat(units.get("frames").get("O0").get("status").asText()).isEqualTo("same");
    assertThat(units.get("frames").get("O2").get("status").asText()).isEqualTo("baseline");
    // the file name kept its ';' and '$(id)': written by ffmpeg as argv, not run by a shell
    assertThat(units.get("frames").get("O0").get("outputs").get("files").has("frames; $(id).md5"))
        .isTrue();
    assertThat(units.get("aac").get("O0").get("status").asText()).isEqualTo("same");
    assertThat(units.get("noise").get("O0").get("status").asText()).isEqualTo("differs");
    assertThat(units.get("noise").get("O0").get("outputs").get("stdout").asText())
        .isNotEqualTo(units.get("noise").get("O2").get("outputs").get("stdout").asText());
    assertThat(run.resolve("work")).doesNotExist();
    assertThat(Files.readString(run.resolve("summary.md")))
        .contains("outputs vs O2: 2 same, 1 differs");
  }
}
