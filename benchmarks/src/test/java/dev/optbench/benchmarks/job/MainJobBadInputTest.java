package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.benchmarks.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the main job fails at once — before any build, sandbox or results folder — with a
 * message that says what is wrong and what to do.
 */
class MainJobBadInputTest {
  @TempDir Path tmp;
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of("--results", tmp.resolve("results").toString()));
    all.addAll(List.of(args));
    picocli.CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    long started = System.nanoTime();
    int exit = cl.execute(all.toArray(String[]::new));
    assertThat((System.nanoTime() - started) / 1e9).as("seconds to refuse").isLessThan(15);
    assertThat(tmp.resolve("results")).as("nothing written").doesNotExist();
    return exit;
  }

  @Test
  void unknownOption() {
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown option '--bogus'", "--help", "--jmh-help");
  }

  @Test
  void unknownVariant() {
    assertThat(run("--variants", "O9")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown variant 'O9'", "O0", "NAME=FLAGS");
  }

  @Test
  void jmhParamNamingAVariantThatIsNotBuilt() {
    assertThat(run("--variants", "O2", "-p", "variant=O3")).isEqualTo(2);
    assertThat(err.toString()).contains("-p variant=O3", "known: [O2]");
  }

  @Test
  void missingWorkloadFile() {
    assertThat(run("--workload", tmp.resolve("nope.json").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nope.json does not exist");
  }

  @Test
  void workloadFileThatIsNotAWorkload() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"units\": [ oops");
    assertThat(run("--workload", bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not an optbench workload", "optbench generate");
  }

  @Test
  void commandListWithAnUnclosedQuoteIsRefusedWithItsLineNumber() throws Exception {
    Path bad =
        Files.writeString(
            tmp.resolve("w.txt"),
            "# mine\nok: ffmpeg -f lavfi -i testsrc -f null -\n\nffmpeg -vf 'scale=2:2 -f null -\n");
    assertThat(run("--variants", "O0", "--workload", bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("w.txt line 4: unclosed single quote");
  }

  @Test
  void commandListWithAnEmptyOrDuplicateIdIsRefusedWithItsLineNumber() throws Exception {
    Path empty = Files.writeString(tmp.resolve("e.txt"), "ffmpeg -f null -\n: ffmpeg -f null -\n");
    assertThat(run("--workload", empty.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("e.txt line 2: empty id");
    Path dup = Files.writeString(tmp.resolve("d.txt"), "a: ffmpeg -f null -\na: ffmpeg -i x -\n");
    assertThat(run("--workload", dup.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("d.txt line 2: duplicate id 'a'");
  }

  @Test
  void jsonUnitWithoutArgvIsRefused() throws Exception {
    Path bad =
        Files.writeString(
            tmp.resolve("w.json"),
            "{\"format\": \"optbench-workload/1\", \"units\": [{\"id\": \"a\"}]}");
    assertThat(run("--workload", bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("w.json: unit 'a' has no \"argv\"");
  }

  @Test
  void unreachableInfluxDb() {
    assertThat(run("--influx", "http://127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("does not answer /ping", "drop --influx");
  }

  @Test
  void credentialsInTheInfluxUrlAreRefusedWithoutBeingEchoed() {
    assertThat(run("--influx", "http://bob:s3cret@127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("OPTBENCH_INFLUX_PASSWORD").doesNotContain("s3cret");
  }

  @Test
  void baselineThatIsNotAVariant() {
    assertThat(run("--variants", "O0,O1", "--baseline", "O2")).isEqualTo(2);
    assertThat(err.toString()).contains("--baseline O2 is not one of the variants [O0, O1]");
  }

  @Test
  void sourceThatDoesNotExist() {
    assertThat(run("--source", tmp.resolve("ffmpeg-9.9.tar.xz").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("source not found", "ffmpeg-9.9.tar.xz");
  }

  @Test
  void zeroUnits() {
    assertThat(run("--units", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--units must be at least 1");
  }
}
