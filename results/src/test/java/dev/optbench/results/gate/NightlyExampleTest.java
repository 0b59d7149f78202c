package dev.optbench.results.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example workflow must name the real gate class and only options it understands. */
class NightlyExampleTest {

  @Test
  void workflowCallsTheRealCompareEntryPointWithKnownOptions() throws Exception {
    String yml;
    try (InputStream in = getClass().getResourceAsStream("/ci/nightly-example.yml")) {
      yml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(yml).contains(CompareCommand.class.getName());

    // Invocations: the class name followed by a line continuation, arguments up to the ">".
    Matcher calls =
        Pattern.compile(Pattern.quote(CompareCommand.class.getName()) + " \\\\\n([^>]*)>")
            .matcher(yml);
    int found = 0;
    while (calls.find()) {
      found++;
      String[] args = calls.group(1).replace("\\", " ").trim().split("\\s+");
      // Run the same arguments against missing files: options must parse (exit 2 is only
      // for the missing input, which the message names), never "unknown option".
      var err = new java.io.ByteArrayOutputStream();
      int code =
          new CompareCommand(
                  new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                  new java.io.PrintStream(err, true, StandardCharsets.UTF_8))
              .run(args);
      assertThat(code).isEqualTo(CompareCommand.ERROR);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .doesNotContain("unknown option")
          .contains("results.json");
    }
    assertThat(found).isEqualTo(2);
  }
}
