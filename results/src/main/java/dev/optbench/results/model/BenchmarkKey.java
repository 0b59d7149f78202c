package dev.optbench.results.model;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Benchmark name plus params: how results of two runs are paired. */
public record BenchmarkKey(String benchmark, Map<String, String> params) {

  public BenchmarkKey {
    // Sorted so that {a=1,b=2} and {b=2,a=1} pair up.
    params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
  }

  /** "name" or "name{k=v, k2=v2}", stable across runs, used in tables and reports. */
  public String display() {
    if (params.isEmpty()) {
      return benchmark;
    }
    return benchmark
        + params.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", ", "{", "}"));
  }

  @Override
  public String toString() {
    return display();
  }
}
