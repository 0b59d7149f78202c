package dev.optbench.benchmarks.stack;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The stack's Docker calls, each with a bound: a stuck engine costs a sentence, not a hung command.
 * Any failure becomes a {@link Failure} that says what the stack asked and why it got no answer.
 */
final class EngineCalls {
  private final String host;
  private final Duration timeout;

  EngineCalls(String host, Duration timeout) {
    this.host = host;
    this.timeout = timeout;
  }

  /**
   * A Docker call that failed or was not answered in time, as the sentence the stack prints: what
   * it was doing, and why in plain words.
   */
  static final class Failure extends RuntimeException {
    Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The call runs in a daemon thread that is given up after the timeout (plus {@code grace}, the
   * time the engine takes on purpose): docker-java's client has no response timeout that works on a
   * unix socket (the channel ignores SO_TIMEOUT; a read on a stuck engine blocks for ever), and the
   * working client must have none anyway for long exec streams. A given-up thread stays blocked
   * until the engine answers or the JVM exits; it holds nothing of the stack's.
   */
  <T> T call(String what, Duration grace, Supplier<T> body) {
    Duration bound = timeout.plus(grace);
    Future<T> answer = CALLS.submit(body::get);
    try {
      return answer.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw failure(" did not answer within " + bound.toSeconds() + " s when asked to " + what, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw failure(" could not " + what + ": " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw failure(" was not asked to " + what + " (interrupted)", e);
    }
  }

  private Failure failure(String sentence, Throwable cause) {
    return new Failure("the Docker engine at " + host + sentence, cause);
  }

  private static final ExecutorService CALLS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "optbench-stack-docker");
            t.setDaemon(true); // a call given up on must not keep the JVM alive
            return t;
          });

  void run(String what, Duration grace, Runnable body) {
    call(
        what,
        grace,
        () -> {
          body.run();
          return null;
        });
  }
}
