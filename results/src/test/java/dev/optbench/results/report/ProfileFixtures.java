package dev.optbench.results.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A run folder's {@code profiles/} of realistic size: a few hundred stacks per (variant, unit) up
 * to 14 frames deep, C++-style names with {@code <>&} and one very long one, the variant's costs
 * scattered around the baseline's (more, fewer, same), in the files' formats.
 */
final class ProfileFixtures {
  private static final String LONG =
      "std::_Rb_tree<std::__cxx11::basic_string<char, std::char_traits<char>,"
          + " std::allocator<char> >, std::pair<std::__cxx11::basic_string<char> const, int>,"
          + " std::_Select1st<std::pair<std::__cxx11::basic_string<char> const, int> >"
          + " >::_M_insert_unique(std::pair<std::__cxx11::basic_string<char> const, int>&&)";

  private ProfileFixtures() {}

  static void write(Path runDir, List<String> variants, List<String> units) throws IOException {
    for (String unit : units) {
      Map<String, Long> base = stacks(new Random(unit.hashCode()));
      for (int v = 0; v < variants.size(); v++) {
        Map<String, Long> stacks =
            v == 0 ? base : vary(base, new Random(v * 31L + unit.hashCode()));
        Path dir = Files.createDirectories(runDir.resolve("profiles").resolve(variants.get(v)));
        StringBuilder folded = new StringBuilder();
        stacks.forEach((k, n) -> folded.append(k).append(' ').append(n).append('\n'));
        Files.writeString(dir.resolve(unit + ".collapsed"), folded);
        Files.writeString(dir.resolve(unit + ".functions.tsv"), functions(stacks));
        Files.writeString(dir.resolve(unit + ".callgrind.out"), "events: Ir\n");
      }
    }
  }

  private static Map<String, Long> stacks(Random r) {
    Map<String, Long> stacks = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(List.of(LONG, "av_log", "operator<<&", "memcpy"));
    for (int i = 0; i < 120; i++) {
      names.add((i % 3 == 0 ? "ff_h264_idct_add<" + i + ">" : "ff_func_" + i) + "_c");
    }
    for (int s = 0; s < 400; s++) {
      StringBuilder stack = new StringBuilder("main;transcode");
      int depth = 1 + r.nextInt(12);
      for (int d = 0; d < depth; d++) {
        // Few callers near the root, many leaves: a realistic fan-out.
        int pool = Math.min(names.size(), 3 + d * d * 3);
        stack.append(';').append(names.get(r.nextInt(pool)));
      }
      stacks.merge(
          stack.toString(), (long) (1 + Math.pow(r.nextDouble(), 4) * 5_000_000), Long::sum);
    }
    return stacks;
  }

  private static Map<String, Long> vary(Map<String, Long> base, Random r) {
    Map<String, Long> out = new LinkedHashMap<>();
    base.forEach(
        (k, n) -> {
          double f =
              switch (r.nextInt(3)) {
                case 0 -> 1.0;
                case 1 -> 0.3 + r.nextDouble() * 0.6;
                default -> 1.2 + r.nextDouble() * 2;
              };
          out.put(k, Math.max(1, Math.round(n * f)));
        });
    return out;
  }

  /** Self and inclusive per function as harness' ProfileFiles writes them. */
  private static String functions(Map<String, Long> stacks) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    long total = 0;
    for (Map.Entry<String, Long> e : stacks.entrySet()) {
      String[] frames = e.getKey().split(";");
      total += e.getValue();
      Set<String> seen = new HashSet<>();
      for (String f : frames) {
        if (seen.add(f)) {
          counts.computeIfAbsent(f, x -> new long[2])[1] += e.getValue();
        }
      }
      counts.get(frames[frames.length - 1])[0] += e.getValue();
    }
    StringBuilder b = new StringBuilder("function\tself\tinclusive\n");
    b.append("(total)\t").append(total).append('\t').append(total).append('\n');
    counts.forEach(
        (f, c) -> b.append(f).append('\t').append(c[0]).append('\t').append(c[1]).append('\n'));
    return b.toString();
  }
}
