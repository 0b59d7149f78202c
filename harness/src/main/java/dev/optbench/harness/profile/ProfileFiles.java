package dev.optbench.harness.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The per-function files of one (variant, unit) next to its {@code callgrind.out}: {@code
 * <unit>.functions.tsv} (function, self and inclusive instructions, exact; the report's tables read
 * it) and {@code <unit>.collapsed} (folded stacks for flamegraph.pl, speedscope and the report's
 * flame graph). The tab-separated format is owned here and read by the results module.
 */
public final class ProfileFiles {
  public static final String FUNCTIONS = ".functions.tsv";
  public static final String COLLAPSED = ".collapsed";
  public static final String CALLGRIND = ".callgrind.out";
  static final String HEADER = "function\tself\tinclusive";

  private ProfileFiles() {}

  public static Path callgrindOut(Path dir, String unit, int step) {
    return dir.resolve(unit + (step == 0 ? "" : "." + step) + CALLGRIND);
  }

  public static void write(Path dir, String unit, FunctionProfile profile) {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    lines.add("(total)\t" + profile.total() + "\t" + profile.total());
    List<Map.Entry<String, Long>> byInclusive = new ArrayList<>(profile.inclusive().entrySet());
    byInclusive.sort(Map.Entry.<String, Long>comparingByValue().reversed());
    for (Map.Entry<String, Long> e : byInclusive) {
      lines.add(
          e.getKey().replace('\t', ' ')
              + "\t"
              + profile.self().getOrDefault(e.getKey(), 0L)
              + "\t"
              + e.getValue());
    }
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(unit + FUNCTIONS), lines);
      Files.writeString(
          dir.resolve(unit + COLLAPSED), CollapsedStacks.text(CollapsedStacks.of(profile)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
