package dev.optbench.results.report;

import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.Direction;
import dev.optbench.results.compare.MetricComparison;
import dev.optbench.results.compare.Verdict;
import dev.optbench.results.format.Numbers;
import dev.optbench.results.stats.RatioEstimate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The verdict first: one sentence per variant on the verdict metric, a chart of that metric per
 * variant ranked best first with its interval, and a small table of the headline metrics.
 */
final class HeadlineSection implements ReportSection {
  /** Metrics worth a column next to the verdict metric, when the results have them. */
  private static final List<String> ALSO = List.of("wall", "cpu.total", "mem.peak");

  @Override
  public void render(StringBuilder out, ReportContext ctx) {
    ReportInput input = ctx.input();
    VerdictMetric m = ctx.metric();
    out.append("<section class=\"verdict\"><h2>Verdict: ")
        .append(Html.esc(m.noun()))
        .append(" against ")
        .append(Html.esc(ctx.baseline()))
        .append("</h2><p class=\"muted\">")
        .append(Html.esc(Headlines.about(ctx.comparisons(), ctx.baseline())))
        .append("</p><ul class=\"headline\">");
    for (Headlines.Headline h :
        Headlines.of(ctx.baseline(), ctx.comparisons(), input.manifests())) {
      out.append(h.outputDiffers() ? "<li class=\"differs\">" : "<li>")
          .append(Html.esc(h.sentence()))
          .append("</li>");
    }
    out.append("</ul>");
    List<ForestRow> ranked = ranked(ctx);
    if (!ranked.isEmpty()) {
      out.append("<figure class=\"ranked\">")
          .append(
              Charts.forest(
                  "ranked",
                  m.noun() + " / " + ctx.baseline() + ", best first (geometric mean over commands)",
                  ranked,
                  input.options().maxRegression(),
                  1100))
          .append("</figure>");
    }
    table(out, ctx);
    out.append("</section>");
  }

  private static List<ForestRow> ranked(ReportContext ctx) {
    List<ForestRow> rows = new ArrayList<>();
    Direction direction = direction(ctx);
    for (Map.Entry<String, Comparison> e : ctx.comparisons().entrySet()) {
      RatioEstimate r = e.getValue().summaries().get(ctx.metric().name());
      if (r != null) {
        rows.add(
            new ForestRow(
                e.getKey() + "  " + ratio(r),
                r.ratio(),
                r.low(),
                r.high(),
                Shade.of(r, ctx.input().options().maxRegression(), direction)));
      }
    }
    Comparator<ForestRow> best = Comparator.comparingDouble(ForestRow::ratio);
    rows.sort(direction == Direction.HIGHER_IS_BETTER ? best.reversed() : best);
    return rows;
  }

  private static Direction direction(ReportContext ctx) {
    return ctx.comparisons().values().stream()
        .flatMap(c -> c.rows().stream())
        .filter(r -> r.metric().equals(ctx.metric().name()))
        .map(MetricComparison::direction)
        .findFirst()
        .orElse(Direction.LOWER_IS_BETTER);
  }

  private static String ratio(RatioEstimate r) {
    return String.format(java.util.Locale.ROOT, "%.3f×", r.ratio());
  }

  private static void table(StringBuilder out, ReportContext ctx) {
    List<String> metrics = new ArrayList<>();
    metrics.add(ctx.metric().name());
    for (String m : ALSO) {
      boolean present =
          ctx.comparisons().values().stream().anyMatch(c -> c.summaries().containsKey(m));
      if (present && !metrics.contains(m)) {
        metrics.add(m);
      }
    }
    FunctionalOutput output = new FunctionalOutput(ctx.input().manifests(), ctx.baseline());
    out.append("<div class=\"scroll\"><table class=\"grid\"><thead><tr><th>variant</th>");
    metrics.forEach(
        m -> out.append("<th>").append(Html.esc(m)).append(" / ").append(Html.esc(ctx.baseline())));
    out.append("<th>commands (")
        .append(Html.esc(ctx.metric().name()))
        .append("): ")
        .append(ctx.metric().worse())
        .append(" / ")
        .append(ctx.metric().better())
        .append(" / same / undecided</th><th>functional check</th></tr></thead><tbody>");
    out.append("<tr><td><b>")
        .append(Html.esc(ctx.baseline()))
        .append("</b> <span class=\"muted\">baseline</span></td>");
    metrics.forEach(m -> out.append("<td class=\"num\">1</td>"));
    out.append("<td></td><td>")
        .append(
            Html.esc(
                output
                        .of(ctx.baseline())
                        .map(
                            r ->
                                r.against().equals(ctx.baseline())
                                    ? "reference"
                                    : r.same()
                                        ? "same output as " + r.against()
                                        : "differs from " + r.against())
                        .orElse("–")
                    + (output.fate(ctx.baseline()).isEmpty()
                        ? ""
                        : ", " + output.fate(ctx.baseline()))))
        .append("</td></tr>");
    for (Map.Entry<String, Comparison> e : ctx.comparisons().entrySet()) {
      Comparison c = e.getValue();
      out.append("<tr><td><b>").append(Html.esc(e.getKey())).append("</b></td>");
      for (String m : metrics) {
        RatioEstimate r = c.summaries().get(m);
        if (r == null) {
          out.append("<td class=\"muted\">no ratio</td>");
          continue;
        }
        Direction d =
            c.rows().stream()
                .filter(row -> row.metric().equals(m))
                .map(MetricComparison::direction)
                .findFirst()
                .orElse(Direction.LOWER_IS_BETTER);
        out.append("<td class=\"num\" style=\"color:")
            .append(Palette.css(Shade.of(r, ctx.input().options().maxRegression(), d)))
            .append("\">")
            .append(Numbers.ratio(r.ratio()))
            .append(" <span class=\"ci\">")
            .append(Numbers.interval(r.low(), r.high()))
            .append("</span></td>");
      }
      List<MetricComparison> rows =
          c.rows().stream().filter(r -> r.metric().equals(ctx.metric().name())).toList();
      long worse = rows.stream().filter(r -> r.verdict() == Verdict.REGRESSION).count();
      long better = rows.stream().filter(r -> r.verdict() == Verdict.IMPROVEMENT).count();
      long same = rows.stream().filter(r -> r.verdict() == Verdict.NO_CHANGE).count();
      out.append("<td class=\"num\">")
          .append(worse)
          .append(" / ")
          .append(better)
          .append(" / ")
          .append(same)
          .append(" / ")
          .append(rows.size() - worse - better - same)
          .append("</td><td>");
      String phrase = output.checks(e.getKey());
      out.append(
              FunctionalOutput.bad(phrase)
                  ? "<span class=\"badge bad\">"
                      + Html.esc(FunctionalOutput.quiet(phrase))
                      + "</span>"
                  : Html.esc(phrase.isEmpty() ? "–" : phrase))
          .append("</td></tr>");
    }
    out.append("</tbody></table></div>");
  }
}
