package dev.optbench.benchmarks.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One thread per engine, so that while a unit runs on one engine the others run theirs. {@link
 * #runAll} is the round's barrier: it returns when every engine's lane has ended, so the round's
 * results are written, the precision target asked and the progress printed by the caller alone, as
 * before. With one engine there is no thread: the lane runs in the caller's, exactly as a run on
 * one engine always did.
 *
 * <p>The threads are daemons: on Ctrl-C the JVM runs its shutdown hooks (partial results, sandbox
 * removal) and ends without waiting for a unit to finish, as it did with one thread.
 */
final class EngineWorkers implements AutoCloseable {
  private final Map<String, ExecutorService> threads = new LinkedHashMap<>();
  private volatile boolean stopping;

  EngineWorkers(List<String> engines) {
    if (engines.size() > 1) {
      for (String e : engines) {
        threads.put(
            e,
            Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "optbench-engine-" + e);
                  t.setDaemon(true);
                  return t;
                }));
      }
    }
  }

  /** Whether a lane failed: the other lanes stop before their next pair. */
  boolean stopping() {
    return stopping;
  }

  /**
   * Runs every engine's lane at once and waits for all of them. If a lane throws, the others stop
   * at their next pair (a unit running is not cut) and the first failure is thrown once all have
   * stopped: nothing runs on after the run has ended.
   */
  <T> Map<String, T> runAll(Map<String, Callable<T>> lanes) {
    Map<String, T> done = new LinkedHashMap<>();
    if (threads.isEmpty()) {
      lanes.forEach((engine, lane) -> done.put(engine, inline(lane)));
      return done;
    }
    Map<String, Future<T>> running = new LinkedHashMap<>();
    lanes.forEach((engine, lane) -> running.put(engine, thread(engine).submit(failFast(lane))));
    List<Throwable> failures = new ArrayList<>();
    running.forEach(
        (engine, f) -> {
          try {
            done.put(engine, waitFor(f));
          } catch (ExecutionException e) {
            failures.add(e.getCause());
          }
        });
    if (!failures.isEmpty()) {
      Throwable first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      if (first instanceof RuntimeException r) {
        throw r;
      }
      if (first instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(first.getMessage(), first);
    }
    return done;
  }

  private ExecutorService thread(String engine) {
    ExecutorService t = threads.get(engine);
    if (t == null) {
      throw new IllegalArgumentException("no worker for engine '" + engine + "'");
    }
    return t;
  }

  private <T> Callable<T> failFast(Callable<T> lane) {
    return () -> {
      try {
        return lane.call();
      } catch (Throwable t) {
        stopping = true;
        throw t;
      }
    };
  }

  private static <T> T waitFor(Future<T> f) throws ExecutionException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true; // the lane still runs: wait for it, then say we were interrupted
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static <T> T inline(Callable<T> lane) {
    try {
      return lane.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    threads.values().forEach(ExecutorService::shutdownNow);
  }
}
