package dev.optbench.build.provenance;

import dev.optbench.harness.workload.FfmpegComponents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The components configure really enabled, read back from the build's {@code config_components.h}
 * ({@code #define CONFIG_BOXBLUR_FILTER 1}). configure silently drops a requested component whose
 * dependencies are missing (boxblur without --enable-gpl), so the request alone proves nothing.
 */
public final class EnabledComponents {
  private static final Pattern DEFINE =
      Pattern.compile(
          "#define CONFIG_([A-Z0-9_]+)_(ENCODER|DECODER|MUXER|DEMUXER|PARSER|BSF|PROTOCOL|INDEV"
              + "|FILTER) 1");

  private EnabledComponents() {}

  /** Enabled components by kind ("encoder", ...), sorted. */
  public static Map<String, List<String>> read(Path buildDir) {
    Path header = buildDir.resolve("config_components.h");
    if (!Files.exists(header)) {
      header = buildDir.resolve("config.h"); // ffmpeg < 5.1 kept them in config.h
    }
    String text;
    try {
      text = Files.readString(header);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + header, e);
    }
    Map<String, TreeSet<String>> byKind = new LinkedHashMap<>();
    Matcher m = DEFINE.matcher(text);
    while (m.find()) {
      String kind = m.group(2).toLowerCase(Locale.ROOT);
      byKind.computeIfAbsent(kind, k -> new TreeSet<>()).add(m.group(1).toLowerCase(Locale.ROOT));
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    byKind.forEach((k, v) -> result.put(k, List.copyOf(v)));
    return result;
  }

  /** Requested components that are not enabled, as "kind name", e.g. "filter boxblur". */
  public static List<String> missing(FfmpegComponents wanted, Map<String, List<String>> enabled) {
    List<String> missing = new ArrayList<>();
    wanted
        .byKind()
        .forEach(
            (kind, names) -> {
              List<String> have = enabled.getOrDefault(kind, List.of());
              for (String name : names) {
                if (!have.contains(name)) {
                  missing.add(kind + " " + name);
                }
              }
            });
    return missing;
  }
}
