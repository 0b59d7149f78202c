package dev.optbench.results;

import dev.optbench.results.jmh.BenchmarkResultBuilder;
import dev.optbench.results.model.BenchmarkResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic synthetic results: normal noise around a mean, from a fixed seed. */
public final class Crafted {
  private Crafted() {}

  /**
   * {@code forks} groups of {@code perFork} values, mean {@code mean}, relative noise {@code cv}.
   */
  public static List<List<Double>> raw(long seed, int forks, int perFork, double mean, double cv) {
    Random random = new Random(seed);
    List<List<Double>> raw = new ArrayList<>();
    for (int f = 0; f < forks; f++) {
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < perFork; i++) {
        values.add(mean * (1 + cv * random.nextGaussian()));
      }
      raw.add(values);
    }
    return raw;
  }

  public static BenchmarkResult timed(String name, long seed, int n, double mean, double cv) {
    return new BenchmarkResultBuilder(name).primary("s/op", raw(seed, 2, n / 2, mean, cv)).build();
  }

  /** A command with time, CPU time and peak memory, as optbench writes it. */
  public static BenchmarkResult command(
      String name, long seed, int n, double seconds, double cv, double peakBytes) {
    return new BenchmarkResultBuilder(name)
        .param("variant", "any")
        .primary("s/op", raw(seed, 1, n, seconds, cv))
        .secondary("cpu", "s", raw(seed + 1, 1, n, seconds * 1.9, cv))
        .secondary("peakMemory", "bytes", raw(seed + 2, 1, n, peakBytes, 0.002))
        .build();
  }
}
