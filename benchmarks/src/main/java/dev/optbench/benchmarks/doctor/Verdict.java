package dev.optbench.benchmarks.doctor;

/** How bad one finding is. Only {@link #FAIL} stops the main job; warnings make it less exact. */
public enum Verdict {
  OK("ok"),
  WARN("warn"),
  FAIL("FAIL");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** What the line starts with: upper case only for FAIL, so it stands out in a long list. */
  public String label() {
    return label;
  }
}
