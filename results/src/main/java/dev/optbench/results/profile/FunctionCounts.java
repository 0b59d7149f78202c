package dev.optbench.results.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code <unit>.functions.tsv}: self and inclusive instructions per function, exact. The format
 * is owned by harness' {@code ProfileFiles} (a header, a {@code (total)} row, then one row per
 * function); this reader is kept tiny on purpose, and a benchmarks test reads what harness writes.
 *
 * @param total the run's instructions
 * @param functions function name to its counts, in the file's order (largest inclusive first)
 */
public record FunctionCounts(long total, Map<String, Counts> functions) {
  static final String HEADER = "function\tself\tinclusive";
  static final String TOTAL = "(total)";

  /** Instructions in the function's own code (self) and below it too (inclusive). */
  public record Counts(long self, long inclusive) {}

  public FunctionCounts {
    functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
  }

  public Counts get(String function) {
    return functions.getOrDefault(function, new Counts(0, 0));
  }

  public static FunctionCounts read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(file + ": not a functions file (first line is not '" + HEADER + "')");
    }
    long total = 0;
    Map<String, Counts> functions = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] cols = lines.get(i).split("\t", -1);
      if (cols.length != 3) {
        throw new IOException(file + ":" + (i + 1) + ": expected 3 tab-separated columns");
      }
      try {
        long self = Long.parseLong(cols[1]);
        long inclusive = Long.parseLong(cols[2]);
        if (cols[0].equals(TOTAL)) {
          total = inclusive;
        } else {
          functions.put(cols[0], new Counts(self, inclusive));
        }
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + (i + 1) + ": not a count: " + e.getMessage(), e);
      }
    }
    return new FunctionCounts(total, functions);
  }
}
