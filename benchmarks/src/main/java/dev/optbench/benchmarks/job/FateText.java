package dev.optbench.benchmarks.job;

import dev.optbench.build.manifest.BuildManifest;
import java.util.ArrayList;
import java.util.List;

/** FFmpeg's own tests (FATE) in a variant's manifest, in words for the console. */
public final class FateText {
  private FateText() {}

  /** "778/0/0 in 69 s" (passed/failed/skipped), or "not run" for a manifest without FATE. */
  public static String counts(BuildManifest.Fate fate) {
    if (fate == null) {
      return "not run (older build)";
    }
    return String.format(
        java.util.Locale.ROOT,
        "%d/%d/%d in %.0f s",
        fate.passed(),
        fate.failed(),
        fate.skipped(),
        fate.seconds());
  }

  /**
   * One line per variant with failed tests (named) or tests the time limit stopped. Tests not run
   * for the configuration (a prerequisite FATE cannot make, the same on every variant) stay in the
   * table's "skipped" count only, so they do not repeat a line per variant.
   */
  public static List<String> failures(List<BuildManifest> manifests) {
    List<String> lines = new ArrayList<>();
    for (BuildManifest m : manifests) {
      BuildManifest.Fate f = m.fate();
      if (f == null || (f.failed() == 0 && !f.timedOut())) {
        continue;
      }
      StringBuilder line = new StringBuilder("[" + m.variant() + "] FATE:");
      if (f.failed() > 0) {
        line.append(' ')
            .append(f.failed())
            .append(" of ")
            .append(f.passed() + f.failed())
            .append(" failed (")
            .append(String.join(", ", f.failedTests().stream().limit(10).toList()))
            .append(f.failedTests().size() > 10 ? ", …" : "")
            .append(")");
      }
      if (f.timedOut()) {
        line.append(f.failed() > 0 ? "; " : " ")
            .append(f.skipped())
            .append(" of ")
            .append(f.listed())
            .append(" not reached within ")
            .append(f.limitSeconds())
            .append(" s (--fate-limit)");
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
