package dev.optbench.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.benchmarks.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `optbench generate` end to end on the real (cached) O2 variant. */
class GenerateCommandIT {
  @TempDir Path dir;

  private static int run(StringWriter err, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void writesTheSameValidWorkloadForTheSameSeed() throws Exception {
    Path a = dir.resolve("a/w.json");
    Path b = dir.resolve("b/w.json");
    for (Path out : new Path[] {a, b}) {
      assertThat(
              run(
                  new StringWriter(),
                  "generate",
                  "--space",
                  "input",
                  "--seed",
                  "5",
                  "--budget",
                  "8",
                  "--out",
                  out.toString()))
          .isZero();
    }
    assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
    assertThat(dir.resolve("a/w.sh")).exists();
    JsonNode units = new ObjectMapper().readTree(a.toFile()).get("units");
    assertThat(units.size()).isPositive();
    units.forEach(u -> assertThat(u.get("argv").get(0).asText()).isEqualTo("ffmpeg"));
  }

  @Test
  void aBadOptionIsAClearErrorBeforeAnyWork() {
    StringWriter err = new StringWriter();
    assertThat(
            run(err, "generate", "--search", "genetic", "--out", dir.resolve("w.json").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--search must be one of [novelty, random], got 'genetic'");
    assertThat(dir.resolve("w.json")).doesNotExist();
  }
}
