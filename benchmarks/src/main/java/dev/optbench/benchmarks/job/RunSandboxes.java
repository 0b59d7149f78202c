package dev.optbench.benchmarks.job;

import dev.optbench.benchmarks.jmh.RunPlan;
import dev.optbench.benchmarks.jmh.TrialSandbox;
import dev.optbench.benchmarks.rounds.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An interleaved run's sandboxes: one per variant and engine, open for the whole run, whatever unit
 * a pair names. Opened here side by side, closed here in reverse order. Added to only from the
 * run's own thread (at the start, and between rounds when a variant moves); the engines' threads
 * only look sandboxes up.
 */
final class RunSandboxes {
  private final Map<String, TrialSandbox> open = new LinkedHashMap<>();

  /** The sandbox of the pair's variant on the pair's engine. */
  TrialSandbox of(Pair p) {
    return open.get(key(p));
  }

  /** {@code sandbox} serves the pair's variant on the pair's engine from now on. */
  void add(Pair p, TrialSandbox sandbox) {
    open.put(key(p), sandbox);
  }

  /**
   * Opens one sandbox per variant and engine of {@code pairs}, all at once, one thread each: a
   * Docker sandbox is ~170 ms of engine calls (create, start, its cgroups), and one after another
   * the seven of the default job were 1.2 s of the stage (2026-12-07). Then, in the pairs' order:
   * an engine that cannot open one is lost if it no longer answers, else the error ends the run;
   * the sandboxes that did open are kept either way, so that {@link #closeAll} closes them.
   */
  void openSideBySide(RunPlan plan, List<Pair> pairs, LostEngines lost) {
    Map<String, Pair> wanted = new LinkedHashMap<>();
    for (Pair p : pairs) {
      wanted.putIfAbsent(key(p), p);
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, wanted.size()),
            r -> {
              Thread t = new Thread(r, "optbench-open");
              t.setDaemon(true);
              return t;
            });
    Map<String, Future<TrialSandbox>> opening = new LinkedHashMap<>();
    try {
      wanted.forEach(
          (key, p) ->
              opening.put(
                  key, pool.submit(() -> TrialSandbox.openVariant(plan, p.variant(), p.engine()))));
      RuntimeException first = null;
      for (Map.Entry<String, Future<TrialSandbox>> e : opening.entrySet()) {
        Pair p = wanted.get(e.getKey());
        try {
          open.put(e.getKey(), e.getValue().get());
        } catch (ExecutionException failed) {
          RuntimeException cause =
              failed.getCause() instanceof RuntimeException r
                  ? r
                  : new IllegalStateException(failed.getCause());
          if (first == null && !lost.lost(p.engine()) && !lost.isOutage(p.engine(), cause, 0)) {
            first = cause; // the others still finish opening, so that all are closed
          }
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while opening sandboxes", stop);
        }
      }
      if (first != null) {
        throw first;
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Closes every sandbox, the last opened first.
   *
   * @param interrupted after Ctrl-C the hook has removed the series cut short (never published):
   *     their sinks cannot publish them, which is no news, so failures are not printed; a container
   *     left is said by its own hook
   */
  void closeAll(boolean interrupted) {
    List<TrialSandbox> all = new ArrayList<>(open.values());
    for (int i = all.size() - 1; i >= 0; i--) {
      try {
        all.get(i).close();
      } catch (RuntimeException e) {
        if (!interrupted) {
          System.err.println("optbench: could not close a sandbox: " + e.getMessage());
        }
      }
    }
  }

  /** One sandbox per variant and engine: the unit does not matter. */
  private static String key(Pair p) {
    return p.variant() + "@" + p.engine();
  }
}
