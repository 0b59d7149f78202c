package dev.optbench.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.benchmarks.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help renders without picocli's format warnings: a bare '%' in a description is
 * a format conversion to picocli, and one printed three "[picocli WARN] Could not format" lines at
 * the top of every --help until 2026-12-07.
 */
class HelpTextTest {
  @Test
  void everyCommandsHelpRendersCleanly() {
    PrintStream err = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    StringBuilder helps = new StringBuilder();
    try {
      CommandLine main = Main.commandLine();
      helps.append(main.getUsageMessage());
      for (Map.Entry<String, CommandLine> sub : main.getSubcommands().entrySet()) {
        helps.append(sub.getValue().getUsageMessage());
      }
    } finally {
      System.setErr(err);
    }
    assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    assertThat(helps.toString()).doesNotContain("%n").contains("--precision", "--reserve-cores");
  }
}
