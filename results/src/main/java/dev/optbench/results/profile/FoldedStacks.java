package dev.optbench.results.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads folded stacks ({@code main;f;g 1234}, flamegraph.pl's input, written by harness' {@code
 * CollapsedStacks}): frames joined by ';', root first, then a space and the instructions.
 */
public final class FoldedStacks {
  private FoldedStacks() {}

  /** Stack to instructions, in the file's order; a stack seen twice is summed. */
  public static Map<String, Long> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, Long> stacks = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      // The count follows the last space: frames hold none (harness replaces them), but a
      // hand-written file may, and flamegraph.pl splits the same way.
      int space = line.lastIndexOf(' ');
      try {
        if (space <= 0) {
          throw new NumberFormatException("no count");
        }
        stacks.merge(
            line.substring(0, space), Long.parseLong(line.substring(space + 1)), Long::sum);
      } catch (NumberFormatException e) {
        throw new IOException(file + ":" + (i + 1) + ": expected 'frame;frame COUNT'", e);
      }
    }
    return stacks;
  }
}
