package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.benchmarks.jmh.UnitMetric;
import dev.optbench.harness.testing.Services;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.model.Metric;
import dev.optbench.results.report.Chromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job end to end, as users start it ({@code java -jar benchmarks.jar}), on real parts: the
 * O0 and O2 builds of ffmpeg (from the CI cache), the Docker engine and InfluxDB that {@code
 * .ci/services.sh} starts.
 */
class MainJobIT {
  @TempDir Path tmp;

  @Test
  void runsTwoVariantsTimesTwoUnitsInDockerWithEveryKernelCounterAndSeriesInInfluxDb()
      throws Exception {
    String influxUrl = Services.influxUrl();
    String dockerHost = Services.dockerHost();
    String db = "mainjob_it_" + System.currentTimeMillis();
    String cgroup2Before = cgroup2Options();
    Path workload =
        TestWorkloads.write(
            tmp.resolve("w.json"),
            List.of(TestWorkloads.encode("enc", 2), TestWorkloads.twoPass("twopass")));
    BenchmarksJar.Finished job =
        BenchmarksJar.runToEnd(
            tmp,
            List.of(),
            List.of(
                "--variants",
                "O0,O2",
                "--workload",
                workload.toString(),
                "--runtime",
                "docker",
                "--influx",
                influxUrl,
                "--influx-db",
                db,
                "-f",
                "1",
                "-wi",
                "0",
                "-i",
                "5"));
    String out = job.output();
    assertThat(job.exit()).as(out).isZero();
    assertThat(out).contains("* docker: available", "(baseline)", "median wall ms");

    Path run = BenchmarksJar.runFolder(tmp.resolve("optbench-results"));
    String runId = run.getFileName().toString();
    RunStatus status = RunStatus.read(run.resolve("run.json"));
    assertThat(status.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(status.trialsDone()).isEqualTo(4);
    assertThat(run.resolve("jmh.partial.json")).doesNotExist();
    assertThat(run.resolve("work")).doesNotExist();

    Map<String, List<BenchmarkResult>> variants = RunReport.variants(run.resolve("jmh.json"));
    assertThat(variants).containsOnlyKeys("O0", "O2");
    for (List<BenchmarkResult> results : variants.values()) {
      assertThat(results).extracting(r -> r.params().get("unit")).containsOnly("enc", "twopass");
      for (BenchmarkResult r : results) {
        assertPlausible(r);
      }
    }
    double o0 = median(metric(variants, "O0", "enc", "cpu.total"));
    double o2 = median(metric(variants, "O2", "enc", "cpu.total"));
    assertThat(o0).as("-O0 CPU time vs -O2 on the same encode").isGreaterThan(1.3 * o2);

    assertThat(Files.readString(run.resolve("report.html"))).contains("<svg", "O0", "enc");
    // The real run's report in a real browser: no console message (no fetch, no script error),
    // the summary, per-command and both resource charts drawn (5 invocations: the statistics
    // need at least 5 a side); screenshot kept for people.
    Path shots = Files.createDirectories(Path.of("target", "mainjob-it"));
    Chromium chromium = Chromium.find(shots);
    Chromium.Load page = chromium.load(run.resolve("report.html"));
    assertThat(page.console()).as("console messages").isEmpty();
    // uPlot replaces a chart's static SVG stand-in with a canvas once its script ran
    int charts =
        page.dom().split("<svg", -1).length - 1 + page.dom().split("<canvas", -1).length - 1;
    assertThat(charts).as("charts (svg + canvas)").isGreaterThanOrEqualTo(4);
    assertThat(page.dom()).contains("enc", "twopass");
    chromium.screenshot(run.resolve("report.html"), shots.resolve("report.png"), 1400, 2600);
    assertThat(shots.resolve("report.png")).isNotEmptyFile();
    assertThat(Files.readString(run.resolve("summary.md"))).contains("O0", "wall");
    // Issue 15: no NaN a reader can see, in any output of a real run (the report's inline
    // scripts are libraries and data, not text, so they are left out).
    String reportText =
        Files.readString(run.resolve("report.html")).replaceAll("(?s)<script.*?</script>", "");
    for (String text :
        List.of(
            out,
            Files.readString(run.resolve("summary.md")),
            Files.readString(run.resolve("summary-full.md")),
            reportText)) {
      assertThat(text).as("NaN shown to a reader").doesNotContainPattern("\\bNaN\\b");
    }
    assertThat(run.resolve("variants/O0/variant.json")).isRegularFile();
    assertThat(run.resolve("host.json")).isRegularFile();
    // The cgroup2 remount (FavorDynmods): said, recorded, and undone when the run ended.
    String said =
        out.lines().filter(l -> l.startsWith("cgroup migrations: ")).findFirst().orElseThrow();
    assertThat(
            new ObjectMapper()
                .readTree(run.resolve("host.json").toFile())
                .at("/protection/cgroupMigrations")
                .asText())
        .isEqualTo(said);
    if (!cgroup2Before.isEmpty()
        && !cgroup2Before.contains("favordynmods")
        && "root".equals(System.getProperty("user.name"))) {
      assertThat(said).contains("remounted with favordynmods", "put back when the run ends");
    }
    assertThat(cgroup2Options())
        .as("the cgroup2 mount's options after the run")
        .isEqualTo(cgroup2Before);

    try (InfluxDB influx = InfluxDBFactory.connect(influxUrl)) {
      assertThat(tagValues(influx, db, "variant", runId)).containsExactly("O0", "O2");
      assertThat(tagValues(influx, db, "unit", runId)).containsExactly("enc", "twopass");
      influx.query(new Query("DROP DATABASE \"" + db + "\""));
    }
    assertThat(containers(dockerHost, runId)).as("containers left by the run").isEmpty();
  }

  /** The cgroup2 mount's super options, "" where there is none. */
  static String cgroup2Options() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
        .filter(l -> l.contains(" - cgroup2 "))
        .map(l -> l.substring(l.indexOf(" - cgroup2 ") + 3).split(" ")[2])
        .findFirst()
        .orElse("");
  }

  @Test
  void noArgumentMainJobRunsOnATinyConfigurationFromTheDefaultsFile() throws Exception {
    Services.dockerHost();
    Path defaults = tmp.resolve("optbench.properties");
    // Any option's default can come from this file (picocli's defaults provider); users keep
    // theirs in ~/.optbench.properties. Tiny: two variants, one generated unit.
    Files.writeString(defaults, "variants=O2,O0\nunits=1\nbudget=12\n");
    BenchmarksJar.Finished job =
        BenchmarksJar.runToEnd(
            tmp, List.of("-Dpicocli.defaults.optbench.path=" + defaults), List.of());
    String out = job.output();
    assertThat(job.exit()).as(out).isZero();
    // Interleaved by default: 6 rounds of the 2 pairs after a warm-up round, then more while the
    // default target (each variant's overall ratio within ±1 %) asks, at most 20
    assertThat(out)
        .contains("runtime:", "workload:", "[round  6/", "(baseline)")
        .containsPattern("precision: (every|after|stopped)");
    // short generated units get more media by default (--min-unit-ms 200): timed, said, kept
    assertThat(out).contains("unit length: ffmpeg starts in", "units under");
    Path run = BenchmarksJar.runFolder(tmp.resolve("optbench-results"));
    assertThat(run.resolve("lengths.json")).isRegularFile();
    assertThat(RunStatus.read(run.resolve("run.json")).status()).isEqualTo(RunStatus.COMPLETE);
    Map<String, List<BenchmarkResult>> variants = RunReport.variants(run.resolve("jmh.json"));
    assertThat(variants).containsOnlyKeys("O2", "O0");
    BenchmarkResult r = variants.get("O2").get(0);
    // JMH's defaults as the main job sets them: 1 fork, 1 warmup, 5 measured invocations.
    assertThat(r.forks()).isEqualTo(1);
    assertThat(r.warmupIterations()).isEqualTo(1);
    int rounds = r.primaryMetric().samples().length;
    assertThat(rounds).isBetween(6, 20);
    assertThat(out).contains("[round " + (rounds < 10 ? " " : "") + rounds + "/" + rounds + "]");
    assertPlausible(r);
    try (var samples = Files.list(run.resolve("samples"))) {
      List<Path> lp = samples.filter(f -> f.toString().endsWith(".lp")).toList();
      assertThat(lp).hasSize(2);
      for (Path f : lp) {
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).contains("cpu_usage_total,");
      }
    }
  }

  /** Every kernel-counter metric present, one value per invocation, in ranges physics allows. */
  static void assertPlausible(BenchmarkResult r) {
    int n = r.primaryMetric().samples().length;
    for (UnitMetric m : UnitMetric.values()) {
      Metric metric = r.secondaryMetrics().get(m.label());
      assertThat(metric).as(r.key() + " " + m.label()).isNotNull();
      assertThat(metric.scoreUnit()).isEqualTo(m.unit());
      assertThat(metric.samples()).as(m.label()).hasSize(n);
    }
    double[] wall = values(r, "wall");
    double[] cpu = values(r, "cpu.total");
    double[] pct = values(r, "cpu.percent");
    double[] primary = r.primaryMetric().samples();
    for (int i = 0; i < n; i++) {
      assertThat(wall[i]).as("wall measured next to the process").isPositive();
      assertThat(wall[i]).as("inside JMH's own timing of the call").isLessThanOrEqualTo(primary[i]);
      // cpuset 0: one core, so CPU time cannot exceed wall time (5% for clock granularity).
      assertThat(cpu[i]).as("cpu.total").isPositive().isLessThan(wall[i] * 1.05);
      assertThat(pct[i])
          .as("cpu.percent = cpu.total / wall / 1 core")
          .isCloseTo(100 * cpu[i] / wall[i], org.assertj.core.data.Offset.offset(0.5));
      assertThat(values(r, "mem.peak")[i]).as("peak MiB").isBetween(1.0, 2048.0);
      assertThat(values(r, "cpu.wait")[i]).as("cpu.wait, known").isBetween(0.0, wall[i]);
      assertThat(values(r, "cpu.user")[i] + values(r, "cpu.sys")[i])
          .as("user + sys = total")
          .isCloseTo(cpu[i], org.assertj.core.data.Offset.offset(0.01));
    }
    assertThat(values(r, "failed")).containsOnly(0.0);
    assertThat(values(r, "oom")).containsOnly(0.0);
    assertThat(Arrays.stream(values(r, "io.read")).allMatch(v -> v >= 0)).as("io.read").isTrue();
  }

  private static double[] values(BenchmarkResult r, String label) {
    return r.secondaryMetrics().get(label).samples();
  }

  private static double[] metric(
      Map<String, List<BenchmarkResult>> v, String variant, String unit, String label) {
    return v.get(variant).stream()
        .filter(r -> unit.equals(r.params().get("unit")))
        .findFirst()
        .orElseThrow()
        .secondaryMetrics()
        .get(label)
        .samples();
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }

  private static Set<String> tagValues(InfluxDB influx, String db, String tag, String runId) {
    QueryResult r =
        influx.query(
            new Query(
                "SHOW TAG VALUES FROM \"cpu_usage_total\" WITH KEY = \""
                    + tag
                    + "\" WHERE \"run_id\" = '"
                    + runId
                    + "'",
                db));
    Set<String> values = new TreeSet<>();
    r.getResults()
        .forEach(
            res -> {
              if (res.getSeries() != null) {
                res.getSeries()
                    .forEach(s -> s.getValues().forEach(row -> values.add(row.get(1).toString())));
              }
            });
    return values;
  }

  static List<String> containers(String dockerHost, String runId)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=run_id=" + runId)
            .redirectErrorStream(true);
    pb.environment().put("DOCKER_HOST", dockerHost);
    Process ps = pb.start();
    String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ps.waitFor()).as("docker ps: " + out).isZero();
    return out.lines().filter(l -> !l.isBlank()).toList();
  }
}
