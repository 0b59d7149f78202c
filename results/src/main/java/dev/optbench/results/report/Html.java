package dev.optbench.results.report;

import java.util.List;
import java.util.Map;

/** HTML escaping and a generic renderer for JSON-like values (maps, lists, scalars). */
final class Html {
  private Html() {}

  static String esc(Object value) {
    String s = String.valueOf(value);
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * A relative link to a file of the run folder: every byte outside the unreserved characters and
   * '/' percent-encoded, so unit names with spaces, '#' or '?' still name their file.
   */
  static String href(String relativePath) {
    StringBuilder sb = new StringBuilder();
    for (byte b : relativePath.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/".indexOf(c) >= 0) {
        sb.append(c);
      } else {
        sb.append('%').append(String.format(java.util.Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return sb.toString();
  }

  /** Maps become two-column tables, lists bullet lists, booleans pass/fail badges. */
  static void value(StringBuilder out, Object value) {
    if (value instanceof Map<?, ?> map) {
      out.append("<table class=\"kv\">");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append("<tr><th>").append(esc(e.getKey())).append("</th><td>");
        value(out, e.getValue());
        out.append("</td></tr>");
      }
      out.append("</table>");
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("<span class=\"muted\">none</span>");
        return;
      }
      boolean scalars = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
      if (scalars) { // flags and the like: compact, monospace chips
        for (Object v : list) {
          out.append("<code class=\"chip\">").append(esc(v)).append("</code> ");
        }
        return;
      }
      out.append("<ul>");
      for (Object v : list) {
        out.append("<li>");
        value(out, v);
        out.append("</li>");
      }
      out.append("</ul>");
    } else if (value instanceof Boolean b) {
      out.append(b ? "<span class=\"badge ok\">yes</span>" : "<span class=\"badge bad\">no</span>");
    } else if (value == null) {
      out.append("<span class=\"muted\">null</span>");
    } else {
      out.append(esc(value));
    }
  }
}
