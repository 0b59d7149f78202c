package dev.optbench.results.report;

import dev.optbench.results.compare.Comparison;
import java.util.Map;

/**
 * What every section may need, computed once per report: the input, each variant's comparison with
 * the baseline (bootstrap included, so never twice), and the metric the verdict rests on.
 */
public record ReportContext(
    ReportInput input, Map<String, Comparison> comparisons, VerdictMetric metric) {

  public static ReportContext of(ReportInput input) {
    Map<String, Comparison> comparisons = VariantComparisons.of(input);
    return new ReportContext(input, comparisons, VerdictMetric.of(comparisons.values()));
  }

  public String baseline() {
    return input.baselineVariant();
  }

  /** The variant's colour index: its position in the input, so colours match across charts. */
  public int colour(String variant) {
    return Math.max(0, new java.util.ArrayList<>(input.variants().keySet()).indexOf(variant));
  }
}
