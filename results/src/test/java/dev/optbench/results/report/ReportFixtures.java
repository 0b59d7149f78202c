package dev.optbench.results.report;

import dev.optbench.results.Crafted;
import dev.optbench.results.compare.CompareOptions;
import dev.optbench.results.jmh.BenchmarkResultBuilder;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.series.LinePoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A deterministic, realistic-looking report input: ffmpeg variants, commands, series, builds. */
public final class ReportFixtures {
  public static final List<String> VARIANTS = List.of("O2", "O0", "O1", "O3", "Ofast", "Os", "Og");
  private static final double[] SPEED = {1.0, 2.6, 1.25, 0.97, 0.95, 1.08, 1.9};

  private ReportFixtures() {}

  public static ReportInput input(int commands, int repetitions, int resamples) {
    Map<String, List<BenchmarkResult>> variants = new LinkedHashMap<>();
    List<LinePoint> samples = new ArrayList<>();
    List<Map<String, Object>> manifests = new ArrayList<>();
    for (int v = 0; v < VARIANTS.size(); v++) {
      String variant = VARIANTS.get(v);
      List<BenchmarkResult> results = new ArrayList<>();
      Random shape = new Random(1000 + v);
      for (int c = 0; c < commands; c++) {
        double base = 0.5 + (c % 7) * 0.8; // seconds, same per command across variants
        double factor = SPEED[v] * (1 + 0.04 * shape.nextGaussian());
        // The last command has a single repetition: the report must show TOO_FEW_SAMPLES.
        int n = c == commands - 1 ? 3 : repetitions;
        long seed = v * 10_000L + c;
        results.add(
            new BenchmarkResultBuilder("dev.optbench.benchmarks.jmh.FfmpegUnitBenchmark.run")
                .param("unit", "cmd" + String.format("%02d", c))
                .primary("s/op", Crafted.raw(seed, 1, n, base * factor + 0.1, 0.02))
                .secondary("wall", "ms", Crafted.raw(seed + 3, 1, n, 1000 * base * factor, 0.02))
                .secondary(
                    "cpu.total",
                    "ms",
                    Crafted.raw(seed + 1, 1, n, 1000 * base * factor * 0.97, 0.03))
                .secondary(
                    "mem.peak", "MiB", Crafted.raw(seed + 2, 1, n, 80 * (v == 5 ? 0.9 : 1.0), 0.01))
                // 0 everywhere, as failures and block I/O are in a good run: folded away.
                .secondary("failed", "#", Crafted.raw(seed + 4, 1, n, 0, 0))
                .secondary("io.write", "MiB", Crafted.raw(seed + 5, 1, n, 0, 0))
                .build());
      }
      variants.put(variant, results);
      for (int c = 0; c < commands; c++) {
        samples.addAll(series(variant, v, c, Math.min(repetitions, 10)));
      }
      manifests.add(manifest(variant));
    }
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("cpu", "AMD EPYC (fixture)");
    host.put("logicalCores", 2);
    host.put("governor", "performance");
    host.put("swap", Map.of("enabled", false));
    return new ReportInput(
        "optbench: ffmpeg 5.1 flag variants",
        "O2",
        variants,
        samples,
        manifests,
        host,
        List.of(
            "2 logical cores only: background load can disturb timings",
            "CPU frequency scaling could not be read"),
        CompareOptions.defaults().withResamples(resamples),
        "2026-11-25T04:00:00Z");
  }

  /**
   * One trial's 100 ms samples as the collector writes them: {@code invocations} runs of the
   * command, tagged with its unit, 300 ms of untagged idle between them; CPU follows the variant's
   * speed, memory rises then plateaus.
   */
  private static List<LinePoint> series(String variant, int v, int command, int invocations) {
    List<LinePoint> points = new ArrayList<>();
    Random noise = new Random(v * 1000L + command);
    String unit = "cmd" + String.format("%02d", command);
    long ts = 1_700_000_000_000_000_000L + (v * 100L + command) * 600_000_000_000L;
    double seconds = (0.5 + (command % 7) * 0.8) * SPEED[v] / 4;
    double cpuNanos = 0;
    for (int inv = 0; inv < invocations; inv++) {
      int samples = (int) Math.max(2, seconds * (1 + 0.05 * noise.nextGaussian()) * 10);
      for (int i = -3; i < samples; i++) {
        boolean running = i >= 0;
        double busy =
            running ? 0.85 + 0.1 * Math.sin(i / 4.0 + v) + 0.05 * noise.nextDouble() : 0.01;
        cpuNanos += 100_000_000L * busy;
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("variant", variant);
        tags.put("container_name", "optbench-" + variant + "-" + unit);
        tags.put("machine", "fixture");
        tags.put("run_id", "r1");
        if (running) {
          tags.put("unit", unit);
        }
        double mem =
            running
                ? 80e6 * Math.min(1, (i + 1) / 8.0) * (v == 5 ? 0.9 : 1) + 4e6 * noise.nextDouble()
                : 2e6;
        points.add(new LinePoint("cpu_usage_total", tags, Map.of("value", cpuNanos), ts));
        points.add(new LinePoint("memory_usage", tags, Map.of("value", mem), ts));
        ts += 100_000_000L;
      }
    }
    return points;
  }

  /** The shape of a real variant.json: configure line, flags found, size, functional check. */
  private static Map<String, Object> manifest(String variant) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("variant", variant);
    m.put("spec", Map.of("name", variant, "opt", List.of("-" + variant)));
    m.put("compiler", Map.of("command", "gcc", "version", "gcc 12.2.0"));
    m.put(
        "configure",
        List.of(
            "/src/ffmpeg-5.1.9/configure",
            "--cc=gcc",
            "--optflags=-" + variant,
            "--extra-cflags=-frecord-gcc-switches",
            "--disable-asm"));
    m.put(
        "provenance",
        Map.of(
            "requestedOptLevel",
            "-" + variant,
            "recordedCommandLines",
            List.of(
                List.of(
                    "-march=x86-64", "-" + variant, "-fno-math-errno", "-fno-tree-vectorize"))));
    long size = 9_000_000L + variant.hashCode() % 500_000;
    m.put("binary", Map.of("path", "bin/ffmpeg", "fileBytes", size));
    Map<String, Object> digests = new LinkedHashMap<>();
    digests.put("encode-mpeg4", "11a6");
    digests.put("filter-video", variant.equals("Ofast") ? "9f00" : "03a0");
    digests.put("encode-aac", variant.equals("Ofast") ? "77b1" : "e02a");
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("digests", digests);
    check.put("reference", "O0");
    m.put("functionalCheck", check);
    return m;
  }
}
