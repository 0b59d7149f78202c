package dev.optbench.harness.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the tables ffmpeg prints for {@code -encoders}, {@code -muxers}, {@code -filters} etc. */
final class CapabilityParser {
  private static final Pattern SEPARATOR = Pattern.compile("^\\s*-+\\s*$");
  private static final Pattern ROW = Pattern.compile("^\\s*(\\S+)\\s+(\\S+)");
  // " TSC name  A->V  description": -filters has no separator line, so match its rows' shape.
  private static final Pattern FILTER_ROW =
      Pattern.compile("^\\s*[T.][S.][C.]\\s+(\\S+)\\s+\\S*->\\S*\\s");

  private CapabilityParser() {}

  /**
   * Rows after the dashed separator line of {@code -encoders}, {@code -decoders}, {@code -muxers},
   * {@code -pix_fmts}: name to its flags column. Comma lists ("mov,mp4") yield each name.
   */
  static Map<String, String> table(String output) {
    Map<String, String> rows = new LinkedHashMap<>();
    boolean body = false;
    for (String line : output.split("\n")) {
      if (!body) {
        body = SEPARATOR.matcher(line).matches();
        continue;
      }
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        for (String name : m.group(2).split(",")) {
          rows.put(name, m.group(1));
        }
      }
    }
    return rows;
  }

  static Set<String> filters(String output) {
    Set<String> names = new LinkedHashSet<>();
    for (String line : output.split("\n")) {
      Matcher m = FILTER_ROW.matcher(line);
      if (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /**
   * A " Supported pixel formats: yuv420p gray" line of {@code -h encoder=NAME}; empty if absent.
   */
  static List<String> supported(String encoderHelp, String what) {
    String prefix = "Supported " + what + ":";
    for (String line : encoderHelp.split("\n")) {
      String s = line.strip();
      if (s.startsWith(prefix)) {
        return new ArrayList<>(List.of(s.substring(prefix.length()).strip().split("\\s+")));
      }
    }
    return List.of();
  }

  static String capabilities(String encoderHelp, String kind) {
    String prefix = kind + " capabilities:";
    for (String line : encoderHelp.split("\n")) {
      String s = line.strip();
      if (s.startsWith(prefix)) {
        return s.substring(prefix.length()).strip();
      }
    }
    return "";
  }
}
