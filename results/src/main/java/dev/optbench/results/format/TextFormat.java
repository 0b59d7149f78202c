package dev.optbench.results.format;

import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.MetricComparison;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Aligned plain-text table followed by notes, summaries and the gate result. */
final class TextFormat implements ResultFormat {

  @Override
  public void write(Comparison c, Appendable out) throws IOException {
    out.append(Summary.headline(c)).append("\n\n");
    List<List<String>> rows = Table.rows(c);
    int[] widths = new int[Table.HEADER.size()];
    for (List<String> row : concat(Table.HEADER, rows)) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    line(out, Table.HEADER, widths);
    for (List<String> row : rows) {
      line(out, row, widths);
    }
    out.append('\n');
    for (MetricComparison r : c.rows()) {
      if (!r.note().isEmpty()) {
        out.append("note: ").append(r.key().display()).append(' ').append(r.metric());
        out.append(": ").append(r.note()).append('\n');
      }
    }
    for (Map.Entry<String, String> s : Summary.geometricMeans(c).entrySet()) {
      out.append("geomean ").append(s.getKey()).append(": ").append(s.getValue()).append('\n');
    }
    for (String warning : Summary.unmatched(c)) {
      out.append("warning: ").append(warning).append('\n');
    }
    out.append(Summary.gate(c)).append('\n');
  }

  private static void line(Appendable out, List<String> cells, int[] widths) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      // Text left, numbers right: easier to scan a column of numbers.
      boolean left = i <= 2 || i == cells.size() - 1;
      String pad = " ".repeat(widths[i] - cell.length());
      sb.append(left ? cell + pad : pad + cell);
      if (i < cells.size() - 1) {
        sb.append("  ");
      }
    }
    out.append(sb.toString().stripTrailing()).append('\n');
  }

  private static List<List<String>> concat(List<String> header, List<List<String>> rows) {
    var all = new java.util.ArrayList<List<String>>();
    all.add(header);
    all.addAll(rows);
    return all;
  }
}
