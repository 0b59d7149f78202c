package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.compare.CompareOptions;
import dev.optbench.results.jmh.BenchmarkResultBuilder;
import dev.optbench.results.model.BenchmarkResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * summary.md and summary-full.md of a crafted run (3 variants × 4 units; failed, oom and io.read 0
 * everywhere; Ofast's functional check differs on two commands) against golden files, byte for byte
 * under en_US and de_DE. {@code -Dgolden.update=true} rewrites them (review the diff).
 */
class SummaryMarkdownGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/golden/job");
  private static final List<Locale> LOCALES = List.of(Locale.US, Locale.GERMANY);

  @Test
  void summaryMatchesGoldenFitsOneScreenAndHasNoNanOrGate() throws Exception {
    String summary = matches("summary.md", () -> render(true));

    assertThat(summary.lines().count()).isLessThanOrEqualTo(SummaryMarkdown.MAX_LINES);
    assertThat(summary)
        .doesNotContain("NaN")
        .doesNotContain("GATE")
        .contains("Verdict on wall time (wall)")
        .contains("**Ofast: ")
        .contains("OUTPUT DIFFERS from O2 on filter-video, encode-aac")
        .contains("- … and 2 more in summary-full.md")
        .containsPattern("contention \\(cpu.wait % of wall, median/max\\): O2 \\d\\.\\d/\\d");
  }

  @Test
  void fullTablesMatchGoldenWithZeroOnlyMetricsFolded() throws Exception {
    String full = matches("summary-full.md", () -> render(false));

    assertThat(full)
        .doesNotContain("NaN")
        .doesNotContain("GATE")
        .doesNotContain("| failed |")
        .contains("| cpu.sys | ms | 8/8 | 0.000 | 2.0")
        .contains("no ratio (baseline is 0) | n/a | baseline is 0")
        .contains("0 on both sides for every command (not listed): cpu.sys, failed, oom, io.read");
  }

  private static String render(boolean summary) {
    RunSummary s = new RunSummary("O2", variants(), CompareOptions.defaults().withResamples(500));
    List<String> warnings = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      warnings.add("u" + i + " on O0 exited 1: crafted failure " + i);
    }
    if (!summary) {
      return SummaryMarkdown.full("run-crafted", s, warnings);
    }
    return SummaryMarkdown.summary(
        "run-crafted",
        s,
        s.headlines(manifests()),
        warnings,
        List.of("[report.html](report.html): charts", "[summary-full.md](summary-full.md)"));
  }

  static Map<String, List<BenchmarkResult>> variants() {
    Map<String, List<BenchmarkResult>> variants = new LinkedHashMap<>();
    double[] speed = {1.0, 2.2, 0.93};
    String[] names = {"O2", "O0", "Ofast"};
    for (int v = 0; v < names.length; v++) {
      List<BenchmarkResult> results = new ArrayList<>();
      for (int u = 1; u <= 4; u++) {
        long seed = v * 100L + u;
        double ms = 100.0 * u * speed[v];
        results.add(
            new BenchmarkResultBuilder("dev.optbench.benchmarks.jmh.FfmpegUnitBenchmark.run")
                .param("unit", "u" + u)
                .primary("s/op", raw(seed, 8, ms / 1000 + 0.08, 0.02))
                .secondary("wall", "ms", raw(seed + 1, 8, ms, 0.02))
                .secondary("cpu.total", "ms", raw(seed + 2, 8, ms * 0.98, 0.02))
                .secondary("cpu.wait", "ms", raw(seed + 5, 8, ms * 0.03, 0.5))
                .secondary("mem.peak", "MiB", raw(seed + 3, 8, 40, 0.005))
                // O2 and Ofast spend no system time, O0 some: no ratio for O0, and it says why.
                .secondary("cpu.sys", "ms", raw(seed + 4, 8, v == 1 ? 2 : 0, 0.1))
                .secondary("failed", "#", raw(seed, 8, 0, 0))
                .secondary("oom", "#", raw(seed, 8, 0, 0))
                .secondary("io.read", "MiB", raw(seed, 8, 0, 0))
                .build());
      }
      variants.put(names[v], results);
    }
    return variants;
  }

  private static List<Map<String, Object>> manifests() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String v : List.of("O2", "O0", "Ofast")) {
      Map<String, Object> digests = new LinkedHashMap<>();
      digests.put("encode-mpeg4", "aa");
      digests.put("filter-video", v.equals("Ofast") ? "bb" : "cc");
      digests.put("encode-aac", v.equals("Ofast") ? "dd" : "ee");
      out.add(Map.of("variant", v, "functionalCheck", Map.of("digests", digests)));
    }
    return out;
  }

  private static List<List<Double>> raw(long seed, int n, double mean, double cv) {
    Random random = new Random(seed);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(mean * (1 + cv * random.nextGaussian()));
    }
    return List.of(values);
  }

  private static String matches(String name, Callable<String> render) throws Exception {
    Locale saved = Locale.getDefault();
    String first = null;
    try {
      for (Locale locale : LOCALES) {
        Locale.setDefault(locale);
        String actual = render.call();
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update") && locale.equals(Locale.US)) {
          Files.createDirectories(DIR);
          Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual)
            .as("%s under %s", name, locale)
            .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        first = first == null ? actual : first;
      }
    } finally {
      Locale.setDefault(saved);
    }
    return first;
  }
}
