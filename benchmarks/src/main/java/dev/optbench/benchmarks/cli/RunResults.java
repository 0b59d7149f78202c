package dev.optbench.benchmarks.cli;

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
 * gate which way is better.
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
    b.secondary("cpu.user", "ms", raw(units, u -> u.cpuUserNanos() / 1e6));
    b.secondary("cpu.sys", "ms", raw(units, u -> u.cpuSystemNanos() / 1e6));
    b.secondary("cpu.total", "ms", raw(units, u -> u.cpuTotalNanos() / 1e6));
    b.secondary("cpu.percent", "%", raw(units, ResourceUsage::cpuPercent));
    b.secondary("mem.peak", "MiB", raw(units, u -> known(u.memoryPeakBytes()) / 1048576.0));
    b.secondary("io.read", "MiB", raw(units, u -> known(u.ioReadBytes()) / 1048576.0));
    b.secondary("io.write", "MiB", raw(units, u -> known(u.ioWriteBytes()) / 1048576.0));
    b.secondary("oom", "#", raw(units, u -> u.oomKilled() ? 1 : 0));
    return b.build();
  }

  static void write(BenchmarkResult result, Path file) throws IOException {
    new JmhJsonWriter().write(List.of(result), file);
  }

  /** An unreadable counter (-1) becomes NaN, which JMH JSON writes as "NaN": never a fake 0. */
  private static double known(long value) {
    return value < 0 ? Double.NaN : value;
  }

  private static List<List<Double>> raw(
      List<ResourceUsage> units, ToDoubleFunction<ResourceUsage> f) {
    return List.of(units.stream().map(u -> f.applyAsDouble(u)).toList());
  }
}
