package dev.optbench.results.report;

import dev.optbench.results.compare.Verdict;
import dev.optbench.results.series.ResourceSeries;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Charts drawn by JFreeChart into JFreeSVG, returned as inline {@code <svg>} elements: the report
 * stays one file that needs no network or script to show its charts.
 */
final class Charts {
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Color GRID = new Color(0xdddddd);

  private Charts() {}

  /**
   * A forest plot: one row per label with the ratio as a dot and its interval as a bar, a line at 1
   * (no change) and the threshold band shaded.
   */
  static List<ForestRow> drawable(List<ForestRow> rows) {
    return rows.stream()
        .filter(
            r ->
                Double.isFinite(r.ratio()) && Double.isFinite(r.low()) && Double.isFinite(r.high()))
        .toList();
  }

  static String forest(
      String id, String title, List<ForestRow> allRows, double threshold, int width) {
    // A ratio without a finite interval (a baseline of zeros, e.g. no system time) cannot be
    // placed on the axis, and one NaN makes JFreeChart draw nothing at all: leave it to the table.
    List<ForestRow> rows = drawable(allRows);
    String[] labels = rows.stream().map(ForestRow::label).toArray(String[]::new);
    Map<Verdict, YIntervalSeries> byVerdict = new EnumMap<>(Verdict.class);
    for (int i = 0; i < rows.size(); i++) {
      ForestRow r = rows.get(i);
      byVerdict
          .computeIfAbsent(r.verdict(), v -> new YIntervalSeries(legend(v, threshold)))
          .add(i, r.ratio(), r.low(), r.high());
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDefaultLinesVisible(false);
    renderer.setErrorStroke(new BasicStroke(2f));
    renderer.setCapLength(5);
    for (Map.Entry<Verdict, YIntervalSeries> e : byVerdict.entrySet()) {
      renderer.setSeriesPaint(data.getSeriesCount(), Palette.verdict(e.getKey()));
      data.addSeries(e.getValue());
    }
    SymbolAxis commands = new SymbolAxis(null, labels);
    commands.setInverted(true); // first row at the top, as in the tables
    commands.setGridBandsVisible(false);
    commands.setTickLabelFont(LABEL);
    NumberAxis ratio = axis("candidate / baseline");
    ratio.setAutoRangeIncludesZero(false);
    // Always show the no-change line and the threshold band, however far the ratios are from 1.
    double low =
        Math.min(1 / (1 + threshold), rows.stream().mapToDouble(ForestRow::low).min().orElse(1));
    double high =
        Math.max(1 + threshold, rows.stream().mapToDouble(ForestRow::high).max().orElse(1));
    double margin = (high - low) * 0.04;
    ratio.setRange(low - margin, high + margin);
    XYPlot plot = new XYPlot(data, commands, ratio, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.addRangeMarker(
        new IntervalMarker(1 / (1 + threshold), 1 + threshold, new Color(0xeef3f7)),
        Layer.BACKGROUND);
    plot.addRangeMarker(new ValueMarker(1.0, new Color(0x333333), new BasicStroke(1f)));
    style(plot);
    int height = 90 + 18 * Math.max(rows.size(), 2);
    return svg(id, new JFreeChart(title, TITLE, plot, byVerdict.size() > 1), width, height);
  }

  /** What a colour means, in words a reader needs no manual for. */
  static String legend(Verdict v, double threshold) {
    String band = Long.toString(Math.round(threshold * 100));
    return switch (v) {
      case REGRESSION -> "worse by more than " + band + " %";
      case IMPROVEMENT -> "better by more than " + band + " %";
      case NO_CHANGE -> "within ±" + band + " %";
      case INCONCLUSIVE -> "undecided";
      case TOO_FEW_SAMPLES -> "too few values";
    };
  }

  /** A small chart of one line per variant: the static stand-in of an interactive one. */
  static String small(
      String id,
      String yLabel,
      Map<String, List<ResourceSeries.Point>> series,
      List<String> order,
      int width,
      int height) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    for (Map.Entry<String, List<ResourceSeries.Point>> e : series.entrySet()) {
      XYSeries s = new XYSeries(e.getKey(), false, true);
      e.getValue().forEach(p -> s.add(p.seconds(), p.value()));
      int index = data.getSeriesCount();
      renderer.setSeriesPaint(index, Palette.variant(Math.max(0, order.indexOf(e.getKey()))));
      renderer.setSeriesStroke(index, new BasicStroke(1.5f));
      data.addSeries(s);
    }
    XYPlot plot = new XYPlot(data, axis("s since the invocation started"), axis(yLabel), renderer);
    style(plot);
    // The variants' colours are named once above the charts: no legend per chart.
    return svg(id, new JFreeChart(null, TITLE, plot, false), width, height);
  }

  private static NumberAxis axis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(LABEL);
    // JFreeChart formats ticks in the default locale; a report must read the same everywhere.
    axis.setNumberFormatOverride(
        new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    return axis;
  }

  private static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
  }

  private static String svg(String id, JFreeChart chart, int width, int height) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    if (chart.getLegend() != null) {
      chart.getLegend().setItemFont(LABEL);
      chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    // Several SVGs share one HTML document: clip-path ids must not collide between them.
    g.setDefsKeyPrefix(id + "-");
    // A tenth of a pixel is plenty and keeps the report small; Double.toString ignores locale.
    g.setGeomDoubleConverter(d -> Double.toString(Math.round(d * 10) / 10.0));
    g.setTransformDoubleConverter(d -> Double.toString(Math.round(d * 100) / 100.0));
    chart.draw(g, new Rectangle(0, 0, width, height));
    return g.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
  }
}
