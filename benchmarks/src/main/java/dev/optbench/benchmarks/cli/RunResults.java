package dev.optbench.benchmarks.cli;

import dev.optbench.benchmarks.jmh.UnitMetric;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.results.jmh.BenchmarkResultBuilder;
import dev.optbench.results.jmh.JmhJsonWriter;
import dev.optbench.results.model.BenchmarkResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Writes the units of one {@code run} as JMH JSON (SingleShotTime, one raw value per repetition),
 * so the compare gate, JMH visualisers and CI benchmark actions read it like any JMH result. Wall
 * time is the primary metric; the kernel-counter totals are secondaries with units that tell the
 * gate which way is better; they are {@link UnitMetric}'s, as in the JMH route.
 */
final class RunResults {
  static final String BENCHMARK = "optbench.run";

  private RunResults() {}

  static BenchmarkResult of(String variant, String command, List<ResourceUsage> units) {
    BenchmarkResultBuilder b =
        new BenchmarkResultBuilder(BENCHMARK)
            .param("variant", variant)
            .param("command", command)
            .primary("ms/op", raw(units, u -> u.wallNanos() / 1e6));
    for (UnitMetric m : UnitMetric.values()) {
      if (m != UnitMetric.WALL) { // the primary metric here
        b.secondary(m.label(), m.unit(), raw(units, m::of));
      }
    }
    return b.build();
  }

  static void write(BenchmarkResult result, Path file) throws IOException {
    new JmhJsonWriter().write(List.of(result), file);
  }

  private static List<List<Double>> raw(
      List<ResourceUsage> units, ToDoubleFunction<ResourceUsage> f) {
    return List.of(units.stream().map(u -> f.applyAsDouble(u)).toList());
  }
}
