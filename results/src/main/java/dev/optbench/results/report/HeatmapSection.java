package dev.optbench.results.report;

import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.MetricComparison;
import dev.optbench.results.compare.Verdict;
import dev.optbench.results.format.Cells;
import dev.optbench.results.format.Numbers;
import dev.optbench.results.model.BenchmarkKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Commands × variants on the verdict metric: each cell the command's ratio to the baseline,
 * coloured by direction and size, marked where undecided; then every command's metrics folded into
 * a {@code <details>}, one click away.
 */
final class HeatmapSection implements ReportSection {

  @Override
  public void render(StringBuilder out, ReportContext ctx) {
    Map<BenchmarkKey, Map<String, List<MetricComparison>>> commands = byCommand(ctx);
    if (commands.isEmpty()) {
      return;
    }
    boolean oneBenchmark =
        commands.keySet().stream().map(BenchmarkKey::benchmark).distinct().count() == 1;
    String metric = ctx.metric().name();
    out.append("<section><h2>Per command: ")
        .append(Html.esc(ctx.metric().noun()))
        .append(" / ")
        .append(Html.esc(ctx.baseline()))
        .append("</h2><p class=\"muted\">Each cell is the command's ratio of ")
        .append(Html.esc(metric))
        .append(" to ")
        .append(Html.esc(ctx.baseline()))
        .append(
            ". <span class=\"key better\">better</span> <span class=\"key worse\">worse</span>"
                + " (full colour at 2×), <span class=\"key same\">no change</span> (inside ±")
        .append(Numbers.percent(ctx.input().options().maxRegression()))
        .append(
            "), <span class=\"key undecided\">pale, dashed, ?</span> = undecided. Hover a cell"
                + " for its interval; open a command below for every metric.</p>");
    out.append("<div class=\"scroll\"><table class=\"heat\"><thead><tr><th>command</th>");
    ctx.comparisons().keySet().forEach(v -> out.append("<th>").append(Html.esc(v)).append("</th>"));
    out.append("</tr></thead><tbody>");
    int index = 0;
    for (Map.Entry<BenchmarkKey, Map<String, List<MetricComparison>>> e : commands.entrySet()) {
      out.append("<tr><th><a href=\"#cmd-")
          .append(index++)
          .append("\">")
          .append(Html.esc(label(e.getKey(), oneBenchmark)))
          .append("</a></th>");
      for (String variant : ctx.comparisons().keySet()) {
        MetricComparison r =
            e.getValue().getOrDefault(variant, List.of()).stream()
                .filter(x -> x.metric().equals(metric))
                .findFirst()
                .orElse(null);
        cell(out, r);
      }
      out.append("</tr>");
    }
    out.append("</tbody></table></div>");
    details(out, ctx, commands, oneBenchmark);
    out.append("</section>");
  }

  private static void cell(StringBuilder out, MetricComparison r) {
    if (r == null) {
      out.append("<td class=\"h none\" title=\"not measured\">–</td>");
      return;
    }
    if (r.zeroInBoth() || !r.hasRatio()) {
      out.append("<td class=\"h none\" title=\"")
          .append(Html.esc(Cells.ratio(r)))
          .append("\">–</td>");
      return;
    }
    boolean decided =
        r.verdict() == Verdict.REGRESSION
            || r.verdict() == Verdict.IMPROVEMENT
            || r.verdict() == Verdict.NO_CHANGE;
    out.append("<td class=\"h")
        .append(decided ? "" : " u")
        .append(Shade.dark(r.ratio().ratio(), r.direction(), r.verdict()) ? " dark" : "")
        .append("\" style=\"background:")
        .append(Shade.cell(r.ratio().ratio(), r.direction(), r.verdict()))
        .append("\" title=\"")
        .append(Html.esc(tooltip(r)))
        .append("\">")
        .append(String.format(java.util.Locale.ROOT, "%.2f", r.ratio().ratio()))
        .append(decided ? "" : "?")
        .append("</td>");
  }

  private static String tooltip(MetricComparison r) {
    return r.metric()
        + " "
        + Numbers.ratio(r.ratio().ratio())
        + " "
        + Numbers.interval(r.ratio().low(), r.ratio().high())
        + ", "
        + r.verdict().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT)
        + (r.note().isEmpty() ? "" : ": " + r.note());
  }

  private static void details(
      StringBuilder out,
      ReportContext ctx,
      Map<BenchmarkKey, Map<String, List<MetricComparison>>> commands,
      boolean oneBenchmark) {
    List<String> folded = zeroOnly(ctx);
    out.append("<h3>Every metric, per command</h3>");
    if (!folded.isEmpty()) {
      out.append("<p class=\"muted\">0 in every variant and command, so not listed: ")
          .append(Html.esc(String.join(", ", folded)))
          .append(".</p>");
    }
    int index = 0;
    for (Map.Entry<BenchmarkKey, Map<String, List<MetricComparison>>> e : commands.entrySet()) {
      Set<String> metrics = new LinkedHashSet<>();
      e.getValue().values().forEach(rs -> rs.forEach(r -> metrics.add(r.metric())));
      metrics.removeAll(folded);
      out.append("<details id=\"cmd-")
          .append(index++)
          .append("\"><summary>")
          .append(Html.esc(label(e.getKey(), oneBenchmark)))
          .append(
              "</summary><div class=\"scroll\"><table class=\"grid\"><thead><tr><th>variant</th>");
      metrics.forEach(m -> out.append("<th>").append(Html.esc(m)).append("</th>"));
      out.append("</tr></thead><tbody>");
      // The baseline's own values first, so the ratios below have a scale.
      List<MetricComparison> any = e.getValue().values().iterator().next();
      out.append("<tr><td><b>")
          .append(Html.esc(ctx.baseline()))
          .append("</b> <span class=\"muted\">median</span></td>");
      for (String m : metrics) {
        MetricComparison r =
            any.stream().filter(x -> x.metric().equals(m)).findFirst().orElse(null);
        out.append("<td class=\"num\">")
            .append(
                r == null ? "–" : Numbers.value(r.baseline().median()) + " " + Html.esc(r.unit()))
            .append("</td>");
      }
      out.append("</tr>");
      for (Map.Entry<String, List<MetricComparison>> v : e.getValue().entrySet()) {
        out.append("<tr><td><b>").append(Html.esc(v.getKey())).append("</b></td>");
        for (String m : metrics) {
          MetricComparison r =
              v.getValue().stream().filter(x -> x.metric().equals(m)).findFirst().orElse(null);
          if (r == null) {
            out.append("<td class=\"num muted\">–</td>");
            continue;
          }
          out.append("<td class=\"num\" style=\"color:")
              .append(Palette.css(r.verdict()))
              .append("\" title=\"")
              .append(Html.esc(tooltip(r)))
              .append("\">")
              .append(Html.esc(Cells.ratio(r)));
          if (r.hasRatio() && !r.zeroInBoth()) {
            out.append("<br><span class=\"ci\">")
                .append(Numbers.interval(r.ratio().low(), r.ratio().high()))
                .append("</span>");
          }
          out.append("</td>");
        }
        out.append("</tr>");
      }
      out.append("</tbody></table></div></details>");
    }
  }

  /** Metrics that are 0 on both sides for every command and variant: folded away. */
  static List<String> zeroOnly(ReportContext ctx) {
    Map<String, Boolean> zero = new LinkedHashMap<>();
    ctx.comparisons()
        .values()
        .forEach(
            c ->
                c.rows().forEach(r -> zero.merge(r.metric(), r.zeroInBoth(), Boolean::logicalAnd)));
    List<String> out = new ArrayList<>();
    zero.forEach(
        (m, z) -> {
          if (z) {
            out.add(m);
          }
        });
    return out;
  }

  private static Map<BenchmarkKey, Map<String, List<MetricComparison>>> byCommand(
      ReportContext ctx) {
    Map<BenchmarkKey, Map<String, List<MetricComparison>>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Comparison> e : ctx.comparisons().entrySet()) {
      for (MetricComparison r : e.getValue().rows()) {
        out.computeIfAbsent(r.key(), k -> new LinkedHashMap<>())
            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
            .add(r);
      }
    }
    return out;
  }

  /** "unit=enc" when every row is the same benchmark: its long name says nothing per row. */
  static String label(BenchmarkKey key, boolean oneBenchmark) {
    if (oneBenchmark && !key.params().isEmpty()) {
      if (key.params().size() == 1) {
        return key.params().values().iterator().next();
      }
      return key.params().entrySet().stream()
          .map(p -> p.getKey() + "=" + p.getValue())
          .collect(java.util.stream.Collectors.joining(", "));
    }
    return key.display();
  }
}
