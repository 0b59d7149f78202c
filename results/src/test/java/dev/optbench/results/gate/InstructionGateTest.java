package dev.optbench.results.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.jmh.BenchmarkResultBuilder;
import dev.optbench.results.jmh.JmhJsonWriter;
import dev.optbench.results.model.BenchmarkResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --metric instructions --max-regression 1%} on crafted instruction results: exact
 * counts decide without a test (even one pass per side), counts that do not repeat fall back to it.
 */
class InstructionGateTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int gate(String baseline, String candidate) {
    out.reset();
    return new CompareCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(
            "--baseline",
            baseline,
            "--candidate",
            candidate,
            "--metric",
            "instructions",
            "--max-regression",
            "1%");
  }

  /** A unit with a noisy wall time (so only the instruction row can decide) and counts. */
  private String file(String name, double... instructions) throws Exception {
    List<Double> counts = Arrays.stream(instructions).boxed().toList();
    BenchmarkResult r =
        new BenchmarkResultBuilder("optbench.run")
            .param("variant", "O2")
            .primary("ms/op", List.of(List.of(100.0, 140.0, 90.0, 160.0, 80.0)))
            .secondary("instructions", "instructions", List.of(counts))
            .build();
    Path path = dir.resolve(name);
    new JmhJsonWriter().write(List.of(r), path);
    return path.toString();
  }

  private String text() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onePointFivePercentMoreFailsHalfAPercentPasses() throws Exception {
    String base = file("base.json", 301_931_342);
    String worse = file("worse.json", 301_931_342 * 1.015);
    String slightly = file("slightly.json", 301_931_342 * 1.005);

    assertThat(gate(base, worse)).isEqualTo(CompareCommand.REGRESSED);
    assertThat(text()).contains("exact counts").contains("no statistical test").contains("1.01500");
    assertThat(gate(base, slightly)).isEqualTo(CompareCommand.PASSED);
    assertThat(text()).contains("exact counts").doesNotContain("primary");
  }

  @Test
  void countsThatRepeatToAFewInAMillionStillCountAsExact() throws Exception {
    String base = file("base.json", 301_931_342, 301_931_825, 301_931_500);
    String worse = file("worse.json", 306_460_000, 306_460_300);

    assertThat(gate(base, worse)).isEqualTo(CompareCommand.REGRESSED);
    assertThat(text()).contains("exact counts: 3 vs 2 values");
  }

  @Test
  void countsThatDoNotRepeatGoToTheStatisticalTest() throws Exception {
    String base = file("base.json", 100e6, 101e6, 99e6, 100.5e6, 99.5e6);
    String slightly = file("slightly.json", 100.5e6, 101.5e6, 99.5e6, 101e6, 100e6);

    assertThat(gate(base, slightly)).isEqualTo(CompareCommand.PASSED);
    assertThat(text()).contains("statistical test").doesNotContain("exact counts");
  }

  @Test
  void aMissingMetricIsBadInput() throws Exception {
    String base = file("base.json", 1e6);
    Path plain = dir.resolve("plain.json");
    new JmhJsonWriter()
        .write(
            List.of(
                new BenchmarkResultBuilder("optbench.run")
                    .param("variant", "O2")
                    .primary("ms/op", List.of(List.of(1.0, 2.0)))
                    .build()),
            plain);

    assertThat(gate(base, plain.toString())).isEqualTo(CompareCommand.ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no benchmark in both files");
  }
}
