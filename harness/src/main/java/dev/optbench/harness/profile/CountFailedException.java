package dev.optbench.harness.profile;

/** The counted command failed or the counting tool produced no count; the message says which. */
public final class CountFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CountFailedException(String message) {
    super(message);
  }
}
