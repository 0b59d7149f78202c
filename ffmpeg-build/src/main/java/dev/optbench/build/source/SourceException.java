package dev.optbench.build.source;

/** Source code could not be had or trusted; the message says what to do. */
public class SourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SourceException(String message) {
    super(message);
  }

  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
