package dev.optbench.results.report;

import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.Verdict;
import dev.optbench.results.format.Numbers;
import dev.optbench.results.stats.RatioEstimate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Variant summary table plus a chart of each variant's geometric-mean ratio per metric. */
final class SummarySection {
  private SummarySection() {}

  static void render(StringBuilder out, ReportInput input, Map<String, Comparison> comparisons) {
    Set<String> metrics = new LinkedHashSet<>();
    comparisons.values().forEach(c -> metrics.addAll(c.summaries().keySet()));
    out.append("<section><h2>Variants against ")
        .append(Html.esc(input.baselineVariant()))
        .append("</h2>");
    out.append(
            "<p class=\"muted\">Geometric mean over commands of candidate/baseline ratios (below 1 is less time, CPU or memory), with its ")
        .append(Numbers.percent(input.options().confidence()))
        .append(" bootstrap interval. Counts are per command and metric.</p>");
    out.append("<table class=\"grid\"><thead><tr><th>variant</th><th>commands</th>");
    metrics.forEach(m -> out.append("<th>").append(Html.esc(m)).append("</th>"));
    for (Verdict v : Verdict.values()) {
      out.append("<th class=\"verdict\" style=\"color:")
          .append(Palette.css(v))
          .append("\">")
          .append(v.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT))
          .append("</th>");
    }
    out.append("</tr></thead><tbody>");
    out.append("<tr><td><b>")
        .append(Html.esc(input.baselineVariant()))
        .append("</b> <span class=\"muted\">baseline</span></td><td class=\"num\">")
        .append(input.variants().get(input.baselineVariant()).size())
        .append("</td>");
    metrics.forEach(m -> out.append("<td class=\"num\">1</td>"));
    out.append("<td colspan=\"").append(Verdict.values().length).append("\"></td></tr>");
    List<ForestRow> chartRows = new ArrayList<>();
    for (Map.Entry<String, Comparison> e : comparisons.entrySet()) {
      Comparison c = e.getValue();
      out.append("<tr><td><b>")
          .append(Html.esc(e.getKey()))
          .append("</b></td><td class=\"num\">")
          .append(input.variants().get(e.getKey()).size())
          .append("</td>");
      for (String m : metrics) {
        RatioEstimate r = c.summaries().get(m);
        if (r == null) {
          out.append("<td></td>");
          continue;
        }
        Verdict shade = shade(r, input.options().maxRegression(), m, c);
        out.append("<td class=\"num\" style=\"color:")
            .append(Palette.css(shade))
            .append("\">")
            .append(Numbers.ratio(r.ratio()))
            .append(" <span class=\"ci\">")
            .append(Numbers.interval(r.low(), r.high()))
            .append("</span></td>");
        chartRows.add(new ForestRow(e.getKey() + " · " + m, r.ratio(), r.low(), r.high(), shade));
      }
      for (Verdict v : Verdict.values()) {
        long n = c.count(v);
        out.append("<td class=\"num\">")
            .append(n == 0 ? "<span class=\"muted\">0</span>" : n)
            .append("</td>");
      }
      out.append("</tr>");
    }
    out.append("</tbody></table>");
    if (!chartRows.isEmpty()) {
      out.append("<figure>")
          .append(
              Charts.forest(
                  "summary",
                  "Geometric mean ratio per variant and metric",
                  chartRows,
                  input.options().maxRegression(),
                  1300))
          .append("</figure>");
    }
    out.append("</section>");
  }

  /** Colour of a summary: worse/better beyond the band, inside it, or neither. */
  private static Verdict shade(RatioEstimate r, double threshold, String metric, Comparison c) {
    boolean higherIsBetter =
        c.rows().stream()
            .filter(row -> row.metric().equals(metric))
            .findFirst()
            .map(row -> row.direction() == dev.optbench.results.compare.Direction.HIGHER_IS_BETTER)
            .orElse(false);
    double low = higherIsBetter ? 1 / r.high() : r.low();
    double high = higherIsBetter ? 1 / r.low() : r.high();
    if (low > 1 + threshold) {
      return Verdict.REGRESSION;
    }
    if (high < 1 / (1 + threshold)) {
      return Verdict.IMPROVEMENT;
    }
    return low >= 1 / (1 + threshold) && high <= 1 + threshold
        ? Verdict.NO_CHANGE
        : Verdict.INCONCLUSIVE;
  }
}
