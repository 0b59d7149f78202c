package dev.optbench.benchmarks.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code stack status} as a table, columns as wide as their widest cell. */
public final class StatusTable {
  private static final String[] HEADER = {"component", "state", "how", "url", "health"};

  private StatusTable() {}

  public static List<String> render(List<ComponentStatus> statuses) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (ComponentStatus s : statuses) {
      rows.add(
          new String[] {s.component().title(), s.state(), s.how(), s.url(), s.health().text()});
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(
            i == row.length - 1
                ? row[i]
                : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
