package dev.optbench.results.model;

import java.util.List;
import java.util.Map;

/**
 * One element of a JMH JSON result array: a benchmark (for optbench, a command run against one
 * variant) with its run settings, its primary metric and any secondary metrics (CPU time, peak
 * memory, ...). Field names and meaning follow JMH 1.37; {@code jvmArgs} is a list as in JMH.
 */
public record BenchmarkResult(
    String jmhVersion,
    String benchmark,
    String mode,
    int threads,
    int forks,
    String jvm,
    List<String> jvmArgs,
    String jdkVersion,
    String vmName,
    String vmVersion,
    int warmupIterations,
    String warmupTime,
    int warmupBatchSize,
    int measurementIterations,
    String measurementTime,
    int measurementBatchSize,
    Map<String, String> params,
    Metric primaryMetric,
    Map<String, Metric> secondaryMetrics) {

  public BenchmarkResult {
    jvmArgs = List.copyOf(jvmArgs);
    params = Maps.orderedCopy(params);
    secondaryMetrics = Maps.orderedCopy(secondaryMetrics);
  }

  /** The name and params that identify "the same benchmark" across two result files. */
  public BenchmarkKey key() {
    return new BenchmarkKey(benchmark, params);
  }

  /** The primary metric under the label {@link #PRIMARY}, then every secondary metric. */
  public Map<String, Metric> allMetrics() {
    var all = new java.util.LinkedHashMap<String, Metric>();
    all.put(PRIMARY, primaryMetric);
    all.putAll(secondaryMetrics);
    return all;
  }

  /** The same result with other params (e.g. one taken out to split a file by it). */
  public BenchmarkResult withParams(Map<String, String> newParams) {
    return with(newParams, primaryMetric, secondaryMetrics);
  }

  /** The same result with other metrics (e.g. cut to the invocations that succeeded). */
  public BenchmarkResult withMetrics(Metric primary, Map<String, Metric> secondaries) {
    return with(params, primary, secondaries);
  }

  private BenchmarkResult with(
      Map<String, String> newParams, Metric primary, Map<String, Metric> secondaries) {
    return new BenchmarkResult(
        jmhVersion,
        benchmark,
        mode,
        threads,
        forks,
        jvm,
        jvmArgs,
        jdkVersion,
        vmName,
        vmVersion,
        warmupIterations,
        warmupTime,
        warmupBatchSize,
        measurementIterations,
        measurementTime,
        measurementBatchSize,
        newParams,
        primary,
        secondaries);
  }

  /** Label used for the primary metric wherever metrics are listed side by side. */
  public static final String PRIMARY = "primary";
}
