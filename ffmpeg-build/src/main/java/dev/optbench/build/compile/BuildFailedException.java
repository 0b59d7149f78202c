package dev.optbench.build.compile;

/** A variant could not be built or failed a check; the message says why and where the log is. */
public class BuildFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BuildFailedException(String message) {
    super(message);
  }
}
