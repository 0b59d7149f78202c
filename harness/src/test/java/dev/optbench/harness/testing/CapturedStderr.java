package dev.optbench.harness.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what is written to System.err (where slf4j-simple logs in tests) while an action runs,
 * so tests can check what a user would read.
 */
public final class CapturedStderr {
  private CapturedStderr() {}

  public interface Action {
    void run() throws Exception;
  }

  public static synchronized String during(Action action) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    original.print(text); // still visible in the test output
    return text;
  }
}
