package dev.optbench.results.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits one JMH result file whose benchmarks carry a variant param (as the main job's do: {@code
 * variant=O2, unit=u003}) into one list per variant, with that param removed, so the same command
 * on two variants has the same {@link BenchmarkKey} and comparisons pair them.
 *
 * <p>A run on several Docker engines puts the param {@value #ENGINE} on every result. It stays in
 * the key, so a unit on O0 pairs only with the same unit on the baseline <em>on the same
 * engine</em>: no ratio is ever taken between two hosts, whose difference would swamp most flag
 * effects. A baseline result on an engine the candidate did not run on is simply unpaired.
 */
public final class VariantSplit {
  /** The param naming the engine a result was measured on, absent on a run on one engine. */
  public static final String ENGINE = "engine";

  private VariantSplit() {}

  /** Variants in order of first appearance; benchmarks without the param are refused. */
  public static Map<String, List<BenchmarkResult>> byParam(
      List<BenchmarkResult> results, String param) {
    Map<String, List<BenchmarkResult>> out = new LinkedHashMap<>();
    for (BenchmarkResult r : results) {
      String variant = r.params().get(param);
      if (variant == null) {
        throw new IllegalArgumentException(
            "benchmark " + r.key() + " has no '" + param + "' param to split by");
      }
      Map<String, String> rest = new LinkedHashMap<>(r.params());
      rest.remove(param);
      out.computeIfAbsent(variant, k -> new ArrayList<>()).add(r.withParams(rest));
    }
    return out;
  }
}
