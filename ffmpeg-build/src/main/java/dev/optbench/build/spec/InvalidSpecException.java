package dev.optbench.build.spec;

/** A variant spec that cannot be built; the message says what is wrong and what to do. */
public class InvalidSpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidSpecException(String message) {
    super(message);
  }

  public InvalidSpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
