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
            new BenchmarkResultBuilder("ffmpeg.cmd" + String.format("%02d", c))
                .param("preset", c % 2 == 0 ? "fast" : "slow")
                .primary("s/op", Crafted.raw(seed, 1, n, base * factor, 0.02))
                .secondary("cpu", "s", Crafted.raw(seed + 1, 1, n, base * factor * 1.7, 0.03))
                .secondary(
                    "peakMemory",
                    "bytes",
                    Crafted.raw(seed + 2, 1, n, 80e6 * (v == 5 ? 0.9 : 1.0), 0.01))
                .build());
      }
      variants.put(variant, results);
      samples.addAll(series(variant, v));
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

  /** 30 s of 100 ms samples: CPU ramps with the variant's speed, memory rises then plateaus. */
  private static List<LinePoint> series(String variant, int v) {
    List<LinePoint> points = new ArrayList<>();
    Random noise = new Random(v);
    long start = 1_700_000_000_000_000_000L + v * 60_000_000_000L;
    double cpuNanos = 0;
    for (int i = 0; i < 300; i++) {
      long ts = start + i * 100_000_000L;
      cpuNanos +=
          100_000_000L
              * (0.6 + 0.35 * Math.sin(i / 20.0 + v) + 0.05 * noise.nextDouble())
              / SPEED[v];
      Map<String, String> tags =
          Map.of(
              "variant",
              variant,
              "container_name",
              "optbench-" + variant,
              "unit",
              "cmd",
              "machine",
              "fixture",
              "run_id",
              "r1");
      points.add(new LinePoint("cpu_usage_total", tags, Map.of("value", cpuNanos), ts));
      double mem = 80e6 * Math.min(1, i / 50.0) + 4e6 * noise.nextDouble();
      points.add(new LinePoint("memory_usage", tags, Map.of("value", mem), ts));
    }
    return points;
  }

  private static Map<String, Object> manifest(String variant) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("variant", variant);
    m.put("cflags", List.of("-" + variant, "-g0", "-fno-omit-frame-pointer"));
    m.put("flagsFoundInBinary", List.of("-" + variant));
    m.put("compiler", "gcc 12.2.0");
    m.put(
        "functionalChecks", Map.of("decode-h264", true, "encode-mpeg4", !variant.equals("Ofast")));
    return m;
  }
}
