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
    List<List<String>> rows = new ArrayList<>();
    for (MetricComparison r : comparison.rows()) {
      rows.add(
          List.of(
              r.key().display(),
              r.metric(),
              r.unit(),
              r.baseline().n() + "/" + r.candidate().n(),
              Numbers.value(location(comparison, r, true)),
              Numbers.value(location(comparison, r, false)),
              Numbers.ratio(r.ratio().ratio()),
              Numbers.change(r.ratio().ratio()),
              Numbers.interval(r.ratio().low(), r.ratio().high()),
              Numbers.pValue(r.pValue()),
              Numbers.fixed(r.effect().a12(), 2),
              r.baseline().outliers().count() + "/" + r.candidate().outliers().count(),
              r.verdict().name()));
    }
    return rows;
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
