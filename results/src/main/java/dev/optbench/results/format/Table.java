package dev.optbench.results.format;

import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.MetricComparison;
import java.util.ArrayList;
import java.util.List;

/** The columns every tabular format shows, in one place so the formats agree. */
final class Table {
  static final List<String> HEADER =
      List.of(
          "benchmark",
          "metric",
          "unit",
          "n",
          "baseline",
          "candidate",
          "ratio",
          "change",
          "ci",
          "p",
          "A12",
          "outliers",
          "verdict");

  private Table() {}

  static List<List<String>> rows(Comparison comparison) {
    return rows(comparison, comparison.rows());
  }

  static List<List<String>> rows(Comparison comparison, List<MetricComparison> shown) {
    List<List<String>> rows = new ArrayList<>();
    for (MetricComparison r : shown) {
      rows.add(
          List.of(
              r.key().display(),
              r.metric(),
              r.unit(),
              r.baseline().n() + "/" + r.candidate().n(),
              Numbers.value(location(comparison, r, true)),
              Numbers.value(location(comparison, r, false)),
              Cells.ratio(r),
              Cells.change(r),
              Cells.interval(r),
              Numbers.pValue(r.pValue()),
              Numbers.fixed(r.effect().a12(), 2),
              r.baseline().outliers().count() + "/" + r.candidate().outliers().count(),
              r.verdict().name()));
    }
    return rows;
  }

  /** Metrics that are 0 on both sides in every row: folded into one line rather than listed. */
  static List<String> zeroOnlyMetrics(Comparison c) {
    java.util.Map<String, Boolean> zero = new java.util.LinkedHashMap<>();
    for (MetricComparison r : c.rows()) {
      zero.merge(r.metric(), r.zeroInBoth(), Boolean::logicalAnd);
    }
    return zero.entrySet().stream()
        .filter(java.util.Map.Entry::getValue)
        .map(e -> e.getKey())
        .toList();
  }

  /** The rows worth a line: all but those of zero-only metrics. */
  static List<MetricComparison> shown(Comparison c) {
    List<String> folded = zeroOnlyMetrics(c);
    return c.rows().stream().filter(r -> !folded.contains(r.metric())).toList();
  }

  /** The statistic the ratio was built from, so the columns multiply out. */
  static double location(Comparison c, MetricComparison r, boolean baseline) {
    var s = baseline ? r.baseline() : r.candidate();
    return switch (c.options().statistic()) {
      case MEAN -> s.mean();
      case MEDIAN -> s.median();
    };
  }
}
