package dev.optbench.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.benchmarks.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code optbench compare} hands the results module the same options and keeps its exit codes. */
class CompareCommandTest {
  @Test
  void forwardsOnlyTheOptionsGiven() {
    CompareCommand c = new CompareCommand();
    new CommandLine(c)
        .parseArgs("--baseline", "a.json", "--candidate", "b.json", "--max-regression", "3%");
    assertThat(c.arguments())
        .containsExactly("--baseline", "a.json", "--candidate", "b.json", "--max-regression", "3%");
  }

  @Test
  void helpListsEveryOptionOfTheGate() {
    StringWriter text = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(text));
    assertThat(cl.execute("compare", "--help")).isZero();
    assertThat(text.toString())
        .contains(
            "--baseline",
            "--candidate",
            "--max-regression",
            "--alpha",
            "--resamples",
            "--seed",
            "--statistic",
            "--min-samples",
            "--format",
            "Exit codes")
        .doesNotContain("%%");
  }

  @Test
  void usageAndInputErrorsExitWithTwo(@org.junit.jupiter.api.io.TempDir Path dir) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(new StringWriter()));
    assertThat(cl.execute("compare", "--baseline", "only.json")).isEqualTo(2);
    String missing = dir.resolve("missing.json").toString();
    assertThat(cl.execute("compare", "--baseline", missing, "--candidate", missing)).isEqualTo(2);
  }
}
