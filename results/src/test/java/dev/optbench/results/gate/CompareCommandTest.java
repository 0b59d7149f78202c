package dev.optbench.results.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.Crafted;
import dev.optbench.results.jmh.JmhJsonWriter;
import dev.optbench.results.model.BenchmarkResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    return new CompareCommand(o, e).run(args);
  }

  private String file(String name, BenchmarkResult... results) throws Exception {
    Path path = dir.resolve(name);
    new JmhJsonWriter().write(List.of(results), path);
    return path.toString();
  }

  @Test
  void exitsNonZeroOnlyOnSignificantRegression() throws Exception {
    String old =
        file(
            "old.json",
            Crafted.timed("encode", 1, 20, 10, 0.01),
            Crafted.timed("decode", 3, 20, 5, 0.01));
    String slower =
        file(
            "slower.json",
            Crafted.timed("encode", 2, 20, 11, 0.01),
            Crafted.timed("decode", 4, 20, 5, 0.01));
    String noise =
        file(
            "noise.json",
            Crafted.timed("encode", 5, 20, 10, 0.01),
            Crafted.timed("decode", 6, 20, 5, 0.01));

    int failed = run("--baseline", old, "--candidate", slower, "--max-regression", "5%");
    String failedText = out.toString(StandardCharsets.UTF_8);
    out.reset();
    int passed = run("--baseline", old, "--candidate", noise, "--max-regression", "5%");

    assertThat(failed).isEqualTo(CompareCommand.REGRESSED);
    assertThat(failedText).contains("GATE FAILED: 1 REGRESSION, 1 NO_CHANGE").contains("encode");
    assertThat(passed).isEqualTo(CompareCommand.PASSED);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("GATE PASSED");
  }

  @Test
  void aLooserThresholdLetsTheSameSlowDownPass() throws Exception {
    String old = file("old.json", Crafted.timed("encode", 1, 20, 10, 0.01));
    String slower = file("slower.json", Crafted.timed("encode", 2, 20, 11, 0.01));

    assertThat(run("--baseline", old, "--candidate", slower, "--max-regression", "20%"))
        .isEqualTo(CompareCommand.PASSED);
  }

  @Test
  void otherFormatsOnRequest() throws Exception {
    String old = file("old.json", Crafted.timed("encode", 1, 20, 10, 0.01));

    run("--baseline", old, "--candidate", old, "--format", "csv");

    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("benchmark,metric,unit,direction");
  }

  @Test
  void usageAndInputErrorsExitWithTwo() throws Exception {
    assertThat(run("--baseline", "x.json")).isEqualTo(CompareCommand.ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--candidate are required");
    assertThat(run("--baseline", "missing.json", "--candidate", "missing.json"))
        .isEqualTo(CompareCommand.ERROR);
    assertThat(run("--bogus", "1")).isEqualTo(CompareCommand.ERROR);
  }

  @Test
  void nothingInCommonIsAnErrorNotAPass() throws Exception {
    String a = file("a.json", Crafted.timed("encode", 1, 20, 10, 0.01));
    String b = file("b.json", Crafted.timed("renamed", 2, 20, 10, 0.01));

    assertThat(run("--baseline", a, "--candidate", b)).isEqualTo(CompareCommand.ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no benchmark with raw data appears in both files");
  }

  @Test
  void percentOrFractionThresholds() {
    assertThat(CompareCommand.fraction("5%")).isEqualTo(0.05);
    assertThat(CompareCommand.fraction("2.5 %")).isEqualTo(0.025);
    assertThat(CompareCommand.fraction("0.1")).isEqualTo(0.1);
  }
}
