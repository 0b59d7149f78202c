package dev.optbench.harness.metrics.sink;

import java.io.IOException;
import java.util.List;

/** Delivers line-protocol lines somewhere, synchronously: returns only once they are accepted. */
interface LineWriter {

  /**
   * @throws IOException when delivery failed and a retry may succeed (backend down, timeout)
   * @throws RejectedLinesException when the backend refused the lines and a retry cannot help
   */
  void write(List<String> lines) throws IOException;

  /** The backend refused the lines themselves (bad syntax, field type conflict). */
  final class RejectedLinesException extends IOException {
    private static final long serialVersionUID = 1L;

    RejectedLinesException(String message) {
      super(message);
    }
  }
}
