package dev.optbench.benchmarks.doctor;

/**
 * One line of the doctor's output.
 *
 * @param verdict ok, warn or FAIL
 * @param what what was found, e.g. "gcc (Debian 12.2.0-14) 12.2.0 links static programs"
 * @param fix how to fix it, or for an ok finding a hint; empty when there is nothing to say
 */
public record Finding(Verdict verdict, String what, String fix) {
  public Finding {
    what = oneLine(what);
    fix = fix == null ? "" : oneLine(fix);
  }

  public static Finding ok(String what) {
    return new Finding(Verdict.OK, what, "");
  }

  public static Finding ok(String what, String hint) {
    return new Finding(Verdict.OK, what, hint);
  }

  public static Finding warn(String what, String fix) {
    return new Finding(Verdict.WARN, what, fix);
  }

  public static Finding fail(String what, String fix) {
    return new Finding(Verdict.FAIL, what, fix);
  }

  /** {@code ok|warn|FAIL <what> — <how to fix>}, the verdict padded so the texts line up. */
  public String line() {
    String head = String.format("%-4s  %s", verdict.label(), what);
    return fix.isEmpty() ? head : head + "  — " + fix;
  }

  // Tool output (compiler errors, apt's messages) spans lines; one finding must stay one line so
  // the output can be grepped by verdict.
  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " | ");
  }
}
