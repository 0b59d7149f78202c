package dev.optbench.results.report;

import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.MetricComparison;
import dev.optbench.results.format.Numbers;
import dev.optbench.results.model.BenchmarkResult;
import java.util.List;
import java.util.Map;

/**
 * Per-command ratio charts for each variant, with the full table folded away. The charted metric is
 * {@code wall} where the results have it (optbench's wall time measured next to the process; JMH's
 * primary score also holds the sandbox's launch cost), else the primary metric.
 */
final class CommandsSection {
  static final String PROCESS_WALL = "wall";

  private CommandsSection() {}

  static String chartedMetric(Map<String, Comparison> comparisons) {
    boolean hasWall =
        comparisons.values().stream()
            .flatMap(c -> c.rows().stream())
            .anyMatch(r -> r.metric().equals(PROCESS_WALL));
    return hasWall ? PROCESS_WALL : BenchmarkResult.PRIMARY;
  }

  /** "unit=enc" when every row is the same benchmark: its long name says nothing per row. */
  static String label(MetricComparison row, boolean oneBenchmark) {
    if (oneBenchmark && !row.key().params().isEmpty()) {
      return row.key().params().entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(java.util.stream.Collectors.joining(", "));
    }
    return row.key().display();
  }

  static void render(StringBuilder out, ReportInput input, Map<String, Comparison> comparisons) {
    String metric = chartedMetric(comparisons);
    boolean oneBenchmark =
        comparisons.values().stream()
                .flatMap(c -> c.rows().stream())
                .map(r -> r.key().benchmark())
                .distinct()
                .count()
            == 1;
    out.append("<section><h2>Per command</h2><p class=\"muted\">Ratio of ")
        .append(
            metric.equals(PROCESS_WALL)
                ? "the wall time measured next to the process"
                : "the primary metric")
        .append(" against ")
        .append(Html.esc(input.baselineVariant()))
        .append("; bars are bootstrap intervals, the shaded band is the ±")
        .append(Numbers.percent(input.options().maxRegression()))
        .append(" threshold.</p><div class=\"charts\">");
    int index = 0;
    for (Map.Entry<String, Comparison> e : comparisons.entrySet()) {
      List<ForestRow> rows =
          e.getValue().rows().stream()
              .filter(r -> r.metric().equals(metric))
              .map(
                  r ->
                      new ForestRow(
                          label(r, oneBenchmark),
                          r.ratio().ratio(),
                          r.ratio().low(),
                          r.ratio().high(),
                          r.verdict()))
              .toList();
      if (!rows.isEmpty()) {
        out.append("<figure>")
            .append(
                Charts.forest(
                    "cmd" + index++,
                    e.getKey() + " / " + input.baselineVariant(),
                    rows,
                    input.options().maxRegression(),
                    640))
            .append("</figure>");
      }
    }
    out.append("</div>");
    for (Map.Entry<String, Comparison> e : comparisons.entrySet()) {
      out.append("<details><summary>")
          .append(Html.esc(e.getKey()))
          .append(": every command and metric (")
          .append(e.getValue().rows().size())
          .append(" rows)</summary>");
      table(out, e.getValue());
      out.append("</details>");
    }
    out.append("</section>");
  }

  private static void table(StringBuilder out, Comparison c) {
    out.append(
        "<table class=\"grid\"><thead><tr><th>command</th><th>metric</th><th>unit</th><th>n</th>"
            + "<th>ratio</th><th>interval</th><th>p</th><th>A12</th><th>outliers</th><th>verdict</th><th>note</th></tr></thead><tbody>");
    for (MetricComparison r : c.rows()) {
      out.append("<tr><td>")
          .append(Html.esc(r.key().display()))
          .append("</td><td>")
          .append(Html.esc(r.metric()))
          .append("</td><td>")
          .append(Html.esc(r.unit()))
          .append("</td><td class=\"num\">")
          .append(r.baseline().n())
          .append('/')
          .append(r.candidate().n())
          .append("</td><td class=\"num\">")
          .append(Numbers.ratio(r.ratio().ratio()))
          .append("</td><td class=\"num\">")
          .append(Numbers.interval(r.ratio().low(), r.ratio().high()))
          .append("</td><td class=\"num\">")
          .append(Numbers.pValue(r.pValue()))
          .append("</td><td class=\"num\">")
          .append(Numbers.fixed(r.effect().a12(), 2))
          .append("</td><td class=\"num\">")
          .append(r.baseline().outliers().count())
          .append('/')
          .append(r.candidate().outliers().count())
          .append("</td><td style=\"color:")
          .append(Palette.css(r.verdict()))
          .append("\"><b>")
          .append(r.verdict().name())
          .append("</b></td><td>")
          .append(Html.esc(r.note()))
          .append("</td></tr>");
    }
    out.append("</tbody></table>");
  }
}
