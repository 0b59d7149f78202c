package dev.optbench.harness.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition instead of sleeping a guessed time: loaded CI machines are slow. */
public final class Await {
  private Await() {}

  public static void until(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("Timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
