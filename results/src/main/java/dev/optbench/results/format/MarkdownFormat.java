package dev.optbench.results.format;

import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.MetricComparison;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** GitHub-flavoured Markdown: gate first (what a CI reader wants), then the table and notes. */
final class MarkdownFormat implements ResultFormat {
  private final boolean gate;

  /**
   * @param gate whether to open with the gate's verdict: only the {@code compare} gate says "GATE
   *     PASSED/FAILED"; a report's tables show the same rows without claiming to be a gate
   */
  MarkdownFormat(boolean gate) {
    this.gate = gate;
  }

  @Override
  public void write(Comparison c, Appendable out) throws IOException {
    if (gate) {
      out.append("## ").append(Summary.gateMark(c)).append(Summary.gate(c)).append("\n\n");
    } else {
      out.append("## ").append(c.candidateName()).append(" vs ").append(c.baselineName());
      out.append("\n\n");
    }
    out.append(Summary.headline(c)).append("\n\n");
    Map<String, String> means = Summary.geometricMeans(c);
    if (!means.isEmpty()) {
      out.append("| metric | geometric mean of ratios |\n|---|---|\n");
      for (Map.Entry<String, String> e : means.entrySet()) {
        out.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
      }
      out.append('\n');
    }
    row(out, Table.HEADER);
    out.append("|").append("---|".repeat(Table.HEADER.size())).append('\n');
    List<List<String>> rows = Table.rows(c, Table.shown(c));
    for (int i = 0; i < rows.size(); i++) {
      List<String> cells = new java.util.ArrayList<>(rows.get(i));
      int last = cells.size() - 1;
      cells.set(last, "**" + cells.get(last) + "**");
      row(out, cells);
    }
    out.append('\n');
    List<String> folded = Table.zeroOnlyMetrics(c);
    if (!folded.isEmpty()) {
      out.append("- 0 on both sides for every command (not listed): ")
          .append(String.join(", ", folded))
          .append('\n');
    }
    for (MetricComparison r : Table.shown(c)) {
      if (!r.note().isEmpty()) {
        out.append("- `").append(escape(r.key().display())).append("` ").append(r.metric());
        out.append(": ").append(r.note()).append('\n');
      }
    }
    for (String warning : Summary.unmatched(c)) {
      out.append("- ⚠️ ").append(escape(warning)).append('\n');
    }
  }

  private static void row(Appendable out, List<String> cells) throws IOException {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(escape(cell)).append(" |");
    }
    out.append('\n');
  }

  private static String escape(String cell) {
    return cell.replace("|", "\\|");
  }
}
