package dev.optbench.results.series;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses InfluxDB 1.x line protocol as written by optbench's file sink or exported from InfluxDB:
 * escaped commas, spaces and equals signs in names and tags, integer fields ({@code 42i}), quoted
 * string fields (skipped: not plottable), comments and blank lines.
 */
public final class LineProtocolReader {

  public List<LinePoint> read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in);
    }
  }

  public List<LinePoint> read(BufferedReader in) throws IOException {
    List<LinePoint> points = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      try {
        points.add(parse(trimmed));
      } catch (RuntimeException e) {
        throw new IOException("line " + number + ": " + e.getMessage() + ": " + line, e);
      }
    }
    return points;
  }

  static LinePoint parse(String line) {
    List<String> sections = split(line, ' ', true);
    if (sections.size() < 2 || sections.size() > 3) {
      throw new IllegalArgumentException("expected 'measurement[,tags] fields [timestamp]'");
    }
    List<String> key = split(sections.get(0), ',', false);
    Map<String, String> tags = new HashMap<>();
    for (String tag : key.subList(1, key.size())) {
      List<String> kv = split(tag, '=', false);
      if (kv.size() != 2) {
        throw new IllegalArgumentException("bad tag '" + tag + "'");
      }
      tags.put(unescape(kv.get(0)), unescape(kv.get(1)));
    }
    Map<String, Double> fields = new HashMap<>();
    for (String field : split(sections.get(1), ',', true)) {
      int eq = indexOfUnescaped(field, '=');
      if (eq < 0) {
        throw new IllegalArgumentException("bad field '" + field + "'");
      }
      String value = field.substring(eq + 1);
      if (!value.startsWith("\"")
          && !value.equals("t")
          && !value.equals("f")
          && !value.equalsIgnoreCase("true")
          && !value.equalsIgnoreCase("false")) {
        String number =
            value.endsWith("i") || value.endsWith("u")
                ? value.substring(0, value.length() - 1)
                : value;
        fields.put(unescape(field.substring(0, eq)), Double.parseDouble(number));
      }
    }
    long ts = sections.size() == 3 ? Long.parseLong(sections.get(2)) : LinePoint.NO_TIMESTAMP;
    return new LinePoint(unescape(key.get(0)), tags, fields, ts);
  }

  /** Splits on a separator that is neither backslash-escaped nor (if asked) inside quotes. */
  private static List<String> split(String s, char separator, boolean respectQuotes) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        current.append(c).append(s.charAt(++i));
      } else if (c == '"' && respectQuotes) {
        quoted = !quoted;
        current.append(c);
      } else if (c == separator && !quoted) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  private static int indexOfUnescaped(String s, char c) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String s) {
    return s.replace("\\,", ",").replace("\\ ", " ").replace("\\=", "=").replace("\\\"", "\"");
  }
}
