package dev.optbench.results.report;

import dev.optbench.results.compare.Comparison;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every non-baseline variant compared with the baseline, once, shared by all sections. */
final class VariantComparisons {
  private VariantComparisons() {}

  static Map<String, Comparison> of(ReportInput input) {
    Map<String, Comparison> result = new LinkedHashMap<>();
    var baseline = input.variants().get(input.baselineVariant());
    input
        .variants()
        .forEach(
            (variant, results) -> {
              if (!variant.equals(input.baselineVariant())) {
                result.put(
                    variant,
                    Comparison.of(
                        input.baselineVariant(), baseline, variant, results, input.options()));
              }
            });
    return result;
  }
}
