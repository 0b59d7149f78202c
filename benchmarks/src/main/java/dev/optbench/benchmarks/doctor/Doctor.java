package dev.optbench.benchmarks.doctor;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs checks in order, prints each finding as soon as its check is done (some take seconds: a
 * compiler link, apt, a Docker ping), and turns the findings into an exit code.
 */
public final class Doctor {
  /** The host can run the main job; warnings allowed. */
  public static final int HEALTHY = 0;

  /** At least one FAIL. */
  public static final int UNFIT = 1;

  private final List<Check> checks;

  public Doctor(List<Check> checks) {
    this.checks = List.copyOf(checks);
  }

  /** Prints every finding to {@code out}, then a summary line; returns the exit code. */
  public int run(PrintWriter out) {
    List<Finding> all = new ArrayList<>();
    for (Check check : checks) {
      for (Finding f : findings(check)) {
        all.add(f);
        out.println(f.line());
        out.flush();
      }
    }
    out.println(summary(all));
    out.flush();
    return exitCode(all);
  }

  public static int exitCode(List<Finding> findings) {
    return count(findings, Verdict.FAIL) > 0 ? UNFIT : HEALTHY;
  }

  static String summary(List<Finding> findings) {
    long fails = count(findings, Verdict.FAIL);
    long warns = count(findings, Verdict.WARN);
    String counts = fails + " FAIL, " + warns + " warn";
    return fails > 0
        ? counts + ": fix the FAIL lines before running optbench"
        : counts + ": this host can run optbench" + (warns > 0 ? " (see the warnings)" : "");
  }

  // A check that blows up must not hide the others' findings, and must not pass silently.
  private static List<Finding> findings(Check check) {
    try {
      List<Finding> found = check.run();
      if (found.isEmpty()) {
        return List.of(Finding.fail(check.name() + ": the check reported nothing", "report a bug"));
      }
      return found;
    } catch (Exception e) {
      return List.of(
          Finding.fail(
              check.name() + ": the check failed (" + e.getClass().getSimpleName() + ")",
              String.valueOf(e.getMessage())));
    }
  }

  private static long count(List<Finding> findings, Verdict v) {
    return findings.stream().filter(f -> f.verdict() == v).count();
  }
}
