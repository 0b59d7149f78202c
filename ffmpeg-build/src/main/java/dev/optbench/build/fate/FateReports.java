package dev.optbench.build.fate;

import dev.optbench.build.manifest.BuildManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads what FATE itself says. {@code make fate-list} prints one {@code fate-<name>} per line;
 * {@code tests/fate-run.sh} writes {@code tests/data/fate/<name>.rep} as {@code
 * name:status:cmp:err}, status 0 for a test whose output matched its reference (FATE's own {@code
 * make fate} summary reads the same files).
 */
public final class FateReports {
  private FateReports() {}

  /**
   * Test names (without {@code fate-}) from {@code make fate-list}'s output; other lines dropped.
   */
  public static List<String> listed(String fateListOutput) {
    List<String> names = new ArrayList<>();
    for (String line : fateListOutput.split("\n")) {
      String t = line.strip();
      if (t.startsWith("fate-") && t.length() > 5 && !t.contains(" ")) {
        names.add(t.substring(5));
      }
    }
    return names;
  }

  /** True when a report's status field is 0; a signal name or exit code means it failed. */
  public static boolean passed(String reportLine) {
    String[] fields = reportLine.strip().split(":", -1);
    return fields.length >= 2 && fields[1].equals("0");
  }

  /**
   * The verdict over the listed tests: {@code reports} maps a test name to its report line; a
   * listed test without one was never run (time limit reached, or a prerequisite make could not
   * make).
   */
  public static BuildManifest.Fate summarise(
      List<String> listed,
      Map<String, String> reports,
      double seconds,
      long limitSeconds,
      boolean timedOut) {
    int passed = 0;
    List<String> failed = new ArrayList<>();
    for (String name : listed) {
      String report = reports.get(name);
      if (report == null) {
        continue;
      }
      if (passed(report)) {
        passed++;
      } else {
        failed.add(name);
      }
    }
    failed.sort(null);
    int skipped = listed.size() - passed - failed.size();
    return new BuildManifest.Fate(
        listed.size(),
        passed,
        failed.size(),
        skipped,
        List.copyOf(failed),
        seconds,
        limitSeconds,
        timedOut);
  }
}
