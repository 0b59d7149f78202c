package dev.optbench.results.jmh;

import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.model.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a JMH-shaped {@link BenchmarkResult} from raw values, for results measured outside JMH
 * (optbench running a native command). Defaults describe such a run honestly: SingleShotTime
 * ("ss"), one thread, no JVM; {@code forks} is the number of raw-data groups.
 */
public final class BenchmarkResultBuilder {
  /** The JMH release whose JSON shape we write. */
  public static final String JMH_FORMAT_VERSION = "1.37";

  private final String benchmark;
  private String mode = "ss";
  private int warmupIterations;
  private final Map<String, String> params = new LinkedHashMap<>();
  private Metric primary;
  private final Map<String, Metric> secondaries = new LinkedHashMap<>();

  public BenchmarkResultBuilder(String benchmark) {
    this.benchmark = benchmark;
  }

  public BenchmarkResultBuilder mode(String jmhShortMode) {
    this.mode = jmhShortMode;
    return this;
  }

  public BenchmarkResultBuilder warmupIterations(int count) {
    this.warmupIterations = count;
    return this;
  }

  public BenchmarkResultBuilder param(String name, String value) {
    params.put(name, value);
    return this;
  }

  public BenchmarkResultBuilder primary(String unit, List<List<Double>> rawByFork) {
    this.primary = JmhMetrics.fromRaw(unit, rawByFork);
    return this;
  }

  public BenchmarkResultBuilder secondary(String label, String unit, List<List<Double>> rawByFork) {
    secondaries.put(label, JmhMetrics.fromRaw(unit, rawByFork));
    return this;
  }

  /** A secondary JMH aggregates by MAX (a count of bad events): score = max, error NaN. */
  public BenchmarkResultBuilder secondaryMax(
      String label, String unit, List<List<Double>> rawByFork) {
    secondaries.put(label, JmhMetrics.fromRawMax(unit, rawByFork));
    return this;
  }

  public BenchmarkResult build() {
    if (primary == null) {
      throw new IllegalStateException(benchmark + ": no primary metric");
    }
    int iterations = primary.rawData().stream().mapToInt(List::size).max().orElse(0);
    return new BenchmarkResult(
        JMH_FORMAT_VERSION,
        benchmark,
        mode,
        1,
        primary.rawData().size(),
        "",
        List.of(),
        "",
        "",
        "",
        warmupIterations,
        "single-shot",
        1,
        iterations,
        "single-shot",
        1,
        params,
        primary,
        secondaries);
  }
}
