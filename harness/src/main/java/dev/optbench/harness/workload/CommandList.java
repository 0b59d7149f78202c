package dev.optbench.harness.workload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain workload format: one {@code ffmpeg …} command per line, split by {@link CommandWords}
 * (never a shell). {@code #} starts a comment line, blank lines are skipped, and {@code id: ffmpeg
 * …} names the unit (otherwise it is {@code line-N}). Every problem is reported with its line
 * number before anything runs. The units have no template, no steps before, no descriptors.
 */
public final class CommandList {
  /** An id prefix: a safe name, a colon, then white space (so {@code -vf a:b} is no id). */
  private static final Pattern ID = Pattern.compile("^([^\\s'\"\\\\:]*):(?:\\s|$)");

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private CommandList() {}

  /**
   * @param name the file's name, for messages
   * @throws IllegalArgumentException naming the file and line of the first problem
   */
  public static WorkloadFile parse(String text, String name) {
    List<WorkloadUnit> units = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    String[] lines = text.split("\r?\n", -1);
    for (int n = 1; n <= lines.length; n++) {
      String line = lines[n - 1].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String id = "line-" + n;
      Matcher m = ID.matcher(line);
      if (m.find()) {
        id = m.group(1);
        line = line.substring(m.end()).strip();
        if (!SAFE_ID.matcher(id).matches()) {
          throw error(
              name,
              n,
              id.isEmpty()
                  ? "empty id before ':'"
                  : "id '" + id + "' must be letters, digits, '.', '_' or '-' (at most 64)");
        }
      }
      List<String> argv;
      try {
        argv = CommandWords.split(line);
      } catch (CommandWords.SyntaxException e) {
        throw error(name, n, e.getMessage());
      }
      if (argv.isEmpty()) {
        throw error(name, n, "unit '" + id + "' has no command");
      }
      if (!argv.get(0).equals("ffmpeg")) {
        throw error(
            name,
            n,
            "the command must start with 'ffmpeg' (the variant's binary replaces it), not '"
                + argv.get(0)
                + "'");
      }
      if (!ids.add(id)) {
        throw error(name, n, "duplicate id '" + id + "'");
      }
      units.add(new WorkloadUnit(id, null, argv, null, null, null, 0, 0));
    }
    if (units.isEmpty()) {
      throw new IllegalArgumentException(
          "workload file " + name + " has no commands (one `ffmpeg …` per line)");
    }
    return new WorkloadFile(WorkloadFile.FORMAT, null, List.of(), units);
  }

  private static IllegalArgumentException error(String name, int line, String what) {
    return new IllegalArgumentException(
        "workload file " + name + " line " + line + ": " + what + "; fix that line");
  }
}
