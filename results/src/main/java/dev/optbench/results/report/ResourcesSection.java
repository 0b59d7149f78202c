package dev.optbench.results.report;

import dev.optbench.results.series.ResourceSeries;
import dev.optbench.results.series.UnitSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small multiples, one row per command: CPU % and memory over the time since the invocation
 * started, the variants overlaid (each variant's median-length invocation strong, its other
 * invocations faint). Drawn by the inlined uPlot (hover values, drag to zoom, double-click to
 * reset); each chart carries a static SVG of the median invocations, shown when scripts do not run.
 */
final class ResourcesSection implements ReportSection {
  /**
   * Points per series in the static fallback: enough for the shape, small enough for 100 charts.
   */
  private static final int FALLBACK_POINTS = 120;

  private static final String UPLOT_JS = UPlot.script();
  private static final String UPLOT_CSS = UPlot.css();
  private static final String INIT_JS = HtmlReport.resource("series.js");

  @Override
  public void render(StringBuilder out, ReportContext ctx) {
    out.append("<section><h2>Resources over time, per command</h2>");
    if (ctx.input().samples().isEmpty()) {
      out.append("<p class=\"muted\">No resource samples were given to the report.</p></section>");
      return;
    }
    Map<String, Map<String, List<UnitSeries.Invocation>>> units =
        UnitSeries.of(ctx.input().samples());
    if (units.isEmpty()) {
      out.append(
          "<p class=\"muted\">The samples carry no unit tag, so they cannot be cut into"
              + " invocations.</p></section>");
      return;
    }
    List<String> variants = new ArrayList<>(ctx.input().variants().keySet());
    out.append(
            "<p class=\"muted\">Sampled by the collector (CPU % is the derivative of cumulative"
                + " CPU time, 100 % = one busy core). Time is seconds since the invocation"
                + " started; each variant's median-length invocation is drawn strong, its other"
                + " invocations faint. Hover for values, drag to zoom, double-click to reset."
                + " Totals in the tables come from kernel counters, not from these samples.</p>")
        .append("<p class=\"legend\">");
    for (String v : variants) {
      out.append("<span class=\"chip\" style=\"border-color:")
          .append(hex(ctx.colour(v)))
          .append("\">")
          .append(Html.esc(v))
          .append("</span> ");
    }
    out.append("</p><div class=\"multiples\">");
    StringBuilder data = new StringBuilder("{\"variants\":[");
    for (int i = 0; i < variants.size(); i++) {
      data.append(i == 0 ? "" : ",")
          .append("{\"name\":\"")
          .append(json(variants.get(i)))
          .append("\",\"colour\":\"")
          .append(hex(i))
          .append("\"}");
    }
    data.append("],\"units\":[");
    int index = 0;
    for (Map.Entry<String, Map<String, List<UnitSeries.Invocation>>> u : units.entrySet()) {
      out.append("<div class=\"unit\"><h3>")
          .append(Html.esc(u.getKey()))
          .append("</h3><div class=\"pair\">");
      chart(out, ctx, index, "cpu", "CPU %", u.getValue(), true);
      chart(out, ctx, index, "mem", "memory MiB", u.getValue(), false);
      out.append("</div><div class=\"readout\" data-unit=\"")
          .append(index)
          .append("\">&nbsp;</div></div>");
      data.append(index == 0 ? "" : ",").append("{\"id\":\"").append(json(u.getKey())).append('"');
      data.append(",\"cpu\":");
      series(data, variants, u.getValue(), true);
      data.append(",\"mem\":");
      series(data, variants, u.getValue(), false);
      data.append('}');
      index++;
    }
    data.append("]}");
    out.append("</div>");
    // </ cannot occur in the data (names are escaped below), so the script element stays closed.
    out.append("<script type=\"application/json\" id=\"series-data\">")
        .append(data)
        .append("</script><style>")
        .append(UPLOT_CSS)
        .append("</style><script>")
        .append(UPLOT_JS)
        .append("</script><script>")
        .append(INIT_JS)
        .append("</script></section>");
  }

  private static void chart(
      StringBuilder out,
      ReportContext ctx,
      int unit,
      String kind,
      String yLabel,
      Map<String, List<UnitSeries.Invocation>> byVariant,
      boolean cpu) {
    Map<String, List<ResourceSeries.Point>> medians = new LinkedHashMap<>();
    for (Map.Entry<String, List<UnitSeries.Invocation>> v : byVariant.entrySet()) {
      int m = UnitSeries.median(v.getValue());
      if (m >= 0) {
        UnitSeries.Invocation inv = v.getValue().get(m);
        medians.put(v.getKey(), thin(cpu ? inv.cpu() : inv.memory(), FALLBACK_POINTS));
      }
    }
    out.append("<div class=\"ts\" data-unit=\"")
        .append(unit)
        .append("\" data-kind=\"")
        .append(kind)
        .append("\" data-label=\"")
        .append(yLabel)
        .append("\"><div class=\"svgfb\">")
        .append(
            Charts.small(
                "ts" + unit + kind,
                yLabel,
                medians,
                new ArrayList<>(ctx.input().variants().keySet()),
                560,
                220))
        .append("</div></div>");
  }

  /** [[variant index, 1 if median else 0, [x...], [y...]], ...]. */
  private static void series(
      StringBuilder data,
      List<String> variants,
      Map<String, List<UnitSeries.Invocation>> byVariant,
      boolean cpu) {
    data.append('[');
    boolean first = true;
    for (Map.Entry<String, List<UnitSeries.Invocation>> v : byVariant.entrySet()) {
      int median = UnitSeries.median(v.getValue());
      for (int i = 0; i < v.getValue().size(); i++) {
        List<ResourceSeries.Point> points =
            cpu ? v.getValue().get(i).cpu() : v.getValue().get(i).memory();
        if (points.isEmpty()) {
          continue;
        }
        data.append(first ? "" : ",")
            .append('[')
            .append(Math.max(0, variants.indexOf(v.getKey())))
            .append(',')
            .append(i == median ? 1 : 0)
            .append(",[");
        for (int p = 0; p < points.size(); p++) {
          data.append(p == 0 ? "" : ",").append(num(points.get(p).seconds(), 1000));
        }
        data.append("],[");
        for (int p = 0; p < points.size(); p++) {
          data.append(p == 0 ? "" : ",").append(num(points.get(p).value(), 10));
        }
        data.append("]]");
        first = false;
      }
    }
    data.append(']');
  }

  /** Every k-th point, so a long series stays a few kilobytes in the static chart. */
  static List<ResourceSeries.Point> thin(List<ResourceSeries.Point> points, int max) {
    if (points.size() <= max) {
      return points;
    }
    int step = (int) Math.ceil(points.size() / (double) max);
    List<ResourceSeries.Point> out = new ArrayList<>();
    for (int i = 0; i < points.size(); i += step) {
      out.add(points.get(i));
    }
    return out;
  }

  /** Rounded and spelled without exponent or locale: JSON numbers. */
  private static String num(double value, int scale) {
    double r = Math.round(value * scale) / (double) scale;
    return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
  }

  private static String hex(int colourIndex) {
    return String.format(Locale.ROOT, "#%06x", Palette.variant(colourIndex).getRGB() & 0xffffff);
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
