package dev.optbench.harness.runtime;

/** {@code argv[0]} of a unit names no executable program of the variant. */
public class ProgramNotFoundException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ProgramNotFoundException(String message) {
    super(message);
  }
}
