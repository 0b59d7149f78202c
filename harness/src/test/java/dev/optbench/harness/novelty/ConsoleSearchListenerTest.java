package dev.optbench.harness.novelty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConsoleSearchListenerTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void aCrashSaysWhatHappenedAndWhereTheFindingIs() {
    var listener = new ConsoleSearchListener(out, Path.of("/tmp/w/abc.json"));

    assertThat(listener.crashLine(6, "ffmpeg -i in.avi out.avi"))
        .isEqualTo(
            "ffmpeg crashed (SIGABRT) on a generated command; kept as a finding in"
                + " /tmp/w/abc.crashes.json, not used as a unit: ffmpeg -i in.avi out.avi");
    assertThat(listener.crashLine(42, "x")).contains("(signal 42)");
  }

  @Test
  void generationLineSpellsOutItsNumbers() {
    new ConsoleSearchListener(out)
        .generationDone(new SearchProgress("novelty", 3, 40, 50, 26, 12, 20));

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "[novelty] generation 3: 40 of 50 commands tried, 65% ran cleanly, 12 distinct"
                + " behaviours kept, 20.0 commands/min"
                + System.lineSeparator());
  }
}
