package dev.optbench.benchmarks.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.benchmarks.Main;
import dev.optbench.harness.profile.CollapsedStacks;
import dev.optbench.harness.profile.FunctionProfile;
import dev.optbench.harness.profile.ProfileDiff;
import dev.optbench.harness.profile.ProfileFiles;
import dev.optbench.results.jmh.BenchmarkResultBuilder;
import dev.optbench.results.jmh.JmhJsonWriter;
import dev.optbench.results.profile.FunctionCounts;
import dev.optbench.results.profile.RunProfiles;
import dev.optbench.results.profile.SelfChanges;
import dev.optbench.results.profile.UnitProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile files' formats are owned by harness ({@code ProfileFiles}, {@code CollapsedStacks},
 * {@code ProfileDiff}) and read by the results module, which may not depend on harness; this module
 * sees both, so here the files harness writes are read back by results' readers, and the report
 * built from a run folder shows them.
 */
class ProfileFilesRoundTripTest {
  static final FunctionProfile O2 =
      new FunctionProfile(
          1000,
          Map.of("main", 100L, "encode<8>", 500L, "a&b", 100L, "init [aacenc.c]", 300L),
          Map.of("main", 1000L, "encode<8>", 600L, "a&b", 100L, "init [aacenc.c]", 300L),
          Map.of(
              "main", Map.of("encode<8>", 600L, "init [aacenc.c]", 300L),
              "encode<8>", Map.of("a&b", 100L)));
  static final FunctionProfile O0 =
      new FunctionProfile(
          2000,
          Map.of("main", 100L, "encode<8>", 1000L, "a&b", 500L, "init [aacenc.c]", 400L),
          Map.of("main", 2000L, "encode<8>", 1500L, "a&b", 500L, "init [aacenc.c]", 400L),
          Map.of(
              "main", Map.of("encode<8>", 1500L, "init [aacenc.c]", 400L),
              "encode<8>", Map.of("a&b", 500L)));

  @TempDir Path run;

  @Test
  void resultsReadsWhatHarnessWrites() throws IOException {
    write();
    RunProfiles profiles = RunProfiles.read(run);

    UnitProfile o0 = profiles.get("O0", "u1").orElseThrow();
    FunctionCounts f = o0.functions();
    assertThat(f.total()).isEqualTo(O0.total());
    for (String fn : O0.inclusive().keySet()) {
      assertThat(f.get(fn))
          .isEqualTo(new FunctionCounts.Counts(O0.self().get(fn), O0.inclusive().get(fn)));
    }
    assertThat(o0.stacks()).isEqualTo(CollapsedStacks.of(O0));
    assertThat(o0.files())
        .containsExactly(
            "profiles/O0/u1.collapsed",
            "profiles/O0/u1.diff-vs-O2.tsv",
            "profiles/O0/u1.functions.tsv");

    // The report's table and the run folder's diff file rank and count the same.
    List<String> harness = new ArrayList<>();
    ProfileDiff.top(O2, O0, 10)
        .forEach(
            r ->
                harness.add(
                    r.function() + " " + r.selfChange() + " " + r.inclusiveChangePercent()));
    List<String> results = new ArrayList<>();
    SelfChanges.top(profiles.get("O2", "u1").orElseThrow().functions(), f, 10)
        .forEach(
            r ->
                results.add(
                    r.function() + " " + r.selfChange() + " " + r.inclusiveChangePercent()));
    assertThat(results).isEqualTo(harness);
  }

  @Test
  void theReportOfARunFolderShowsWhereTheInstructionsWent() throws IOException {
    write();
    jmh();

    assertThat(Main.commandLine().execute("report", "--in", run.toString())).isZero();

    assertThat(run.resolve("report.html"))
        .content()
        .contains("<h2>Where the instructions went</h2>", "O0 vs O2 · u1: 2,000 vs 1,000")
        .contains("<code>encode&lt;8&gt;</code>", "<code>a&amp;b</code>", "<svg class=\"flame\"")
        .contains("<a href=\"profiles/O0/u1.diff-vs-O2.tsv\">");
  }

  @Test
  void aDamagedProfileCostsTheSectionNotTheReport() throws IOException {
    write();
    jmh();
    Files.writeString(run.resolve("profiles/O0/u1.functions.tsv"), "not a profile\n");

    assertThat(Main.commandLine().execute("report", "--in", run.toString())).isZero();

    assertThat(run.resolve("report.html"))
        .content()
        .contains("instruction profiles not shown: ", "u1.functions.tsv")
        .doesNotContain("Where the instructions went");
  }

  private void write() throws IOException {
    ProfileFiles.write(run.resolve("profiles/O2"), "u1", O2);
    ProfileFiles.write(run.resolve("profiles/O0"), "u1", O0);
    Files.writeString(
        run.resolve("profiles/O0/u1.diff-vs-O2.tsv"), ProfileDiff.tsv(ProfileDiff.top(O2, O0, 50)));
  }

  private void jmh() throws IOException {
    List<Double> raw = List.of(1.0, 1.01, 0.99, 1.02, 1.0, 1.0);
    List<Double> slow = raw.stream().map(v -> 2 * v).toList();
    new JmhJsonWriter()
        .write(List.of(result("O2", raw), result("O0", slow)), run.resolve("jmh.json"));
  }

  private static dev.optbench.results.model.BenchmarkResult result(
      String variant, List<Double> raw) {
    return new BenchmarkResultBuilder("dev.optbench.benchmarks.jmh.FfmpegUnitBenchmark.run")
        .param("unit", "u1")
        .param("variant", variant)
        .primary("s/op", List.of(raw))
        .build();
  }
}
