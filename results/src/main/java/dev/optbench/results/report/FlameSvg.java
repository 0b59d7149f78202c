package dev.optbench.results.report;

import dev.optbench.results.profile.DiffFlameGraph;
import dev.optbench.results.profile.DiffFlameGraph.Frame;
import java.util.Locale;

/**
 * Draws a {@link DiffFlameGraph} as inline SVG: an icicle (root on top, callees below), frame
 * widths from the variant's instructions, fill from the change of the frame's own instructions
 * against the baseline (red more, blue fewer, grey about the same), numbers in a {@code <title>}
 * tooltip per frame. No script: hovering shows the tooltip in every browser, offline.
 */
final class FlameSvg {
  static final int WIDTH = 1200;
  static final int ROW = 17;

  /** Below this |change| a frame counts as unchanged (callgrind repeats to ~0.0002 %). */
  static final double SAME = 0.02;

  private static final int GREY = 0xd4d4d4;
  private static final int RED = 0xd7301f;
  private static final int BLUE = 0x2b6cb0;

  /** An average glyph of the 11 px sans-serif labels, for deciding what fits. */
  private static final double CHAR = 6.4;

  private FlameSvg() {}

  static void render(StringBuilder out, DiffFlameGraph graph, String variant, String baseline) {
    int height = graph.depth() * ROW;
    out.append("<svg class=\"flame\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"differential flame graph of ")
        .append(Html.esc(variant))
        .append(" against ")
        .append(Html.esc(baseline))
        .append("\">");
    double scale = graph.total() == 0 ? 0 : (double) WIDTH / graph.total();
    for (Frame f : graph.frames()) {
      double w = f.width() * scale;
      if (w < 0.05) {
        continue; // invisible anyway; keeps the file small
      }
      double x = f.x() * scale;
      int y = f.depth() * ROW;
      out.append("<g><title>")
          .append(Html.esc(tooltip(f, graph, variant, baseline)))
          .append("</title><rect x=\"")
          .append(px(x))
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(px(w))
          .append("\" height=\"")
          .append(ROW - 1)
          .append("\" fill=\"")
          .append(fill(f, graph.total()))
          .append("\"/>");
      String label = label(f.name(), w);
      if (!label.isEmpty()) {
        out.append("<text x=\"")
            .append(px(x + 3))
            .append("\" y=\"")
            .append(y + ROW - 5)
            .append("\">")
            .append(Html.esc(label))
            .append("</text>");
      }
      out.append("</g>");
    }
    out.append("</svg>");
  }

  /**
   * A frame whose own instructions are under {@link DiffFlameGraph#MIN_SHARE} of the run on both
   * sides is grey whatever its change: callers that only pass calls on (a few hundred instructions
   * of their own) would otherwise glow with a large % of nothing and hide where the cost moved.
   */
  static String fill(Frame f, long total) {
    long own = Math.max(f.self(), f.baseSelf());
    return own < total * DiffFlameGraph.MIN_SHARE ? hex(GREY) : fill(f.change());
  }

  /** Grey within {@link #SAME}, then from a light to a full red (more) or blue (fewer). */
  static String fill(double change) {
    double a = Math.abs(change);
    if (a < SAME || Double.isNaN(change)) {
      return hex(GREY);
    }
    double t = 0.35 + 0.65 * Math.min(1, a);
    return hex(mix(GREY, change > 0 ? RED : BLUE, t));
  }

  static String tooltip(Frame f, DiffFlameGraph g, String variant, String baseline) {
    StringBuilder t = new StringBuilder(f.name());
    t.append('\n')
        .append(variant)
        .append(": ")
        .append(ProfileNumbers.count(f.width()))
        .append(" instructions (")
        .append(ProfileNumbers.share(f.width(), g.total()))
        .append(" of the run), self ")
        .append(ProfileNumbers.count(f.self()))
        .append('\n')
        .append(baseline)
        .append(": ")
        .append(ProfileNumbers.count(f.base()))
        .append(" instructions, self ")
        .append(ProfileNumbers.count(f.baseSelf()))
        .append("\nchange: inclusive ")
        .append(ProfileNumbers.change(f.base(), f.width()))
        .append(", self ")
        .append(ProfileNumbers.change(f.baseSelf(), f.self()));
    return t.toString();
  }

  private static String label(String name, double width) {
    int fits = (int) ((width - 6) / CHAR);
    if (fits < 3) {
      return "";
    }
    return name.length() <= fits ? name : name.substring(0, fits - 2) + "..";
  }

  private static int mix(int from, int to, double t) {
    int r = (int) Math.round(((from >> 16) & 0xff) * (1 - t) + ((to >> 16) & 0xff) * t);
    int g = (int) Math.round(((from >> 8) & 0xff) * (1 - t) + ((to >> 8) & 0xff) * t);
    int b = (int) Math.round((from & 0xff) * (1 - t) + (to & 0xff) * t);
    return (r << 16) | (g << 8) | b;
  }

  private static String hex(int rgb) {
    return String.format(Locale.ROOT, "#%06x", rgb);
  }

  private static String px(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
