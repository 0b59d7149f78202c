package dev.optbench.harness.engine;

import dev.optbench.harness.runtime.RuntimeUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Tries a connection again while it fails the way a busy or restarting engine fails (refused,
 * reset, no answer in time), within a short budget; any other failure (a TLS mistake, a bad
 * address) is the user's to fix and is thrown at once. A run that starts while an engine restarts,
 * or whose first connection meets a full accept queue on a loaded machine, should not stop for it;
 * a run whose engine is truly gone should say so within seconds.
 */
final class ConnectRetry {
  /** Short first (an engine restarting answers within a second), then longer. */
  static final List<Duration> PAUSES =
      List.of(
          Duration.ofMillis(250),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofSeconds(2),
          Duration.ofSeconds(3));

  /** All attempts and pauses together stay within about this. */
  static final Duration BUDGET = Duration.ofSeconds(10);

  /** Time as the retry sees it; a test's fake moves on when slept on. */
  interface Clock {
    long nanoTime();

    void sleep(Duration pause) throws InterruptedException;
  }

  static final Clock SYSTEM =
      new Clock() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleep(Duration pause) throws InterruptedException {
          Thread.sleep(pause.toMillis());
        }
      };

  private final Clock clock;

  ConnectRetry(Clock clock) {
    this.clock = clock;
  }

  /**
   * The first connection that succeeds. A pause is taken only when the next attempt, if it lasts as
   * long as the last one did, still ends within {@link #BUDGET}.
   *
   * @throws RuntimeException the first failure that is not transient as is; the last transient one,
   *     when the budget is spent, with how often and how long it was tried
   */
  <T> T connect(Supplier<T> attempt, Predicate<RuntimeException> isTransient) {
    long start = clock.nanoTime();
    for (int tries = 1; ; tries++) {
      long before = clock.nanoTime();
      try {
        return attempt.get();
      } catch (RuntimeException failure) {
        if (!isTransient.test(failure)) {
          throw failure;
        }
        long now = clock.nanoTime();
        Duration spent = Duration.ofNanos(now - start);
        Duration last = Duration.ofNanos(now - before);
        boolean more = tries <= PAUSES.size();
        Duration pause = more ? PAUSES.get(tries - 1) : Duration.ZERO;
        if (!more || spent.plus(pause).plus(last).compareTo(BUDGET) > 0) {
          throw tries == 1 ? failure : gaveUp(failure, tries, spent);
        }
        pause(pause, failure);
      }
    }
  }

  private void pause(Duration pause, RuntimeException failure) {
    try {
      clock.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  private static RuntimeException gaveUp(RuntimeException last, int tries, Duration spent) {
    return new RuntimeUnavailableException(
        last.getMessage()
            + " (tried "
            + tries
            + " times over "
            + Math.max(1, Math.round(spent.toMillis() / 1000.0))
            + " s)",
        last);
  }
}
