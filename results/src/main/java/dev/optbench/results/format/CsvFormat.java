package dev.optbench.results.format;

import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.MetricComparison;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, one row per benchmark and metric, with full-precision numbers (spreadsheets do
 * their own rounding). Numbers use '.' whatever the locale; the separator is ','.
 */
final class CsvFormat implements ResultFormat {
  static final List<String> HEADER =
      List.of(
          "benchmark",
          "metric",
          "unit",
          "direction",
          "n_baseline",
          "n_candidate",
          "baseline_mean",
          "baseline_median",
          "baseline_stddev",
          "candidate_mean",
          "candidate_median",
          "candidate_stddev",
          "ratio",
          "ci_low",
          "ci_high",
          "p_value",
          "a12",
          "outliers_baseline",
          "outliers_candidate",
          "verdict",
          "note");

  @Override
  public void write(Comparison c, Appendable out) throws IOException {
    line(out, HEADER);
    for (MetricComparison r : c.rows()) {
      List<String> cells = new ArrayList<>();
      cells.add(r.key().display());
      cells.add(r.metric());
      cells.add(r.unit());
      cells.add(r.direction().name());
      cells.add(String.valueOf(r.baseline().n()));
      cells.add(String.valueOf(r.candidate().n()));
      for (var s : List.of(r.baseline(), r.candidate())) {
        cells.add(String.valueOf(s.mean()));
        cells.add(String.valueOf(s.median()));
        cells.add(String.valueOf(s.stdDev()));
      }
      cells.add(String.valueOf(r.ratio().ratio()));
      cells.add(String.valueOf(r.ratio().low()));
      cells.add(String.valueOf(r.ratio().high()));
      cells.add(String.valueOf(r.pValue()));
      cells.add(String.valueOf(r.effect().a12()));
      cells.add(String.valueOf(r.baseline().outliers().count()));
      cells.add(String.valueOf(r.candidate().outliers().count()));
      cells.add(r.verdict().name());
      cells.add(r.note());
      line(out, cells);
    }
  }

  private static void line(Appendable out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(cells.get(i)));
    }
    out.append("\r\n"); // RFC 4180 line ending
  }

  private static String quote(String cell) {
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
      return '"' + cell.replace("\"", "\"\"") + '"';
    }
    return cell;
  }
}
