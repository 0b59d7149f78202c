package dev.optbench.benchmarks.job;

import dev.optbench.benchmarks.jmh.RunFolder;
import dev.optbench.harness.files.ResultWriteException;
import dev.optbench.harness.files.StaleFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;

/**
 * Runs JMH over the plan and keeps the run's state honest: every finished trial is on disk at once
 * ({@code jmh.partial.json}); Ctrl-C or SIGTERM marks the run partial in {@code run.json} (the
 * sandboxes remove themselves through their own shutdown hooks); completion leaves {@code jmh.json}
 * (JMH's JSON of JMH's results, written atomically) and drops the partial file. A result file that
 * cannot be written (disk full) stops the run: status failed, temporary files removed.
 */
final class TrialRun {
  /** Time a fork gets to remove its container or cgroup before it is killed. */
  private static final Duration FORK_CLEANUP = Duration.ofSeconds(20);

  private final RunFolder folder;
  private final PrintStream out;
  private final PartialResults partial;
  private final SeriesDelivery series;
  private RunStatus status;
  private volatile boolean finished;
  private volatile boolean interrupted;
  private String writeFailure;

  TrialRun(RunFolder folder, RunStatus status, PrintStream out) {
    this.folder = folder;
    this.status = status;
    this.out = out;
    this.partial = new PartialResults(folder.partialJson());
    this.series = SeriesDelivery.of(folder);
  }

  void run(Options options) throws RunnerException, IOException {
    Thread onInterrupt = new Thread(this::interrupted, "optbench-partial-results");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    ProgressOutput progress =
        new ProgressOutput(
            out,
            status.trialsPlanned(),
            trial -> {
              partial.add(trial);
              series.afterTrial(); // an InfluxDB outage across trials loses nothing
            },
            () -> interrupted);
    try {
      Collection<RunResult> results = runJmh(options, progress);
      // JMH also returns when its fork was ended by the shutdown hook: not a complete run.
      if (!interrupted && writeFailure == null) {
        PartialResults.write(results, folder.jmhJson());
        finished = true;
      }
    } catch (ResultWriteException e) {
      writeFailure = e.getMessage();
    } finally {
      if (writeFailure != null && !interrupted) {
        failedToWrite();
      } else if (!finished && !interrupted) {
        status = status.with(RunStatus.FAILED, "JMH stopped early", now(), partial.count());
        status.write(folder.status());
      }
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or ran: it wrote the status
      }
    }
    if (finished) {
      partial.discard();
    }
  }

  /** JMH's run; a write failure in this JVM or a fork ends it before the next trial. */
  private Collection<RunResult> runJmh(Options options, ProgressOutput progress)
      throws RunnerException {
    try {
      Collection<RunResult> results = JmhLauncher.run(options, progress);
      writeFailure = progress.stopReason().orElse(null);
      return results;
    } catch (RuntimeException | RunnerException e) {
      writeFailure = progress.stopReason().orElse(null);
      if (writeFailure == null) {
        throw e;
      }
      return List.of();
    }
  }

  /**
   * Results that cannot be kept are not results: remove the temporary files (which also frees the
   * space run.json needs on a full disk), mark the run failed and say what to do.
   */
  private void failedToWrite() {
    StaleFiles.removeIn(folder.dir());
    String message =
        writeFailure
            + "; the run stopped after "
            + partial.count()
            + " of "
            + status.trialsPlanned()
            + " trials";
    try {
      status = status.with(RunStatus.FAILED, message, now(), partial.count());
      status.write(folder.status());
    } catch (ResultWriteException e) {
      out.println(
          "optbench: could not even mark the run failed in "
              + folder.status()
              + ": "
              + e.getMessage());
    }
    out.println();
    out.println(
        "optbench: "
            + message
            + ". Results that cannot be written are not kept: free space or choose another"
            + " --results folder, then run again.");
  }

  /** A result file could not be written: the run stopped, run.json says failed. */
  boolean failedToWriteResults() {
    return writeFailure != null;
  }

  /** Whether JMH ran to the end (some trials may still have failed). */
  boolean complete() {
    return finished;
  }

  /** Ctrl-C or SIGTERM arrived: the shutdown hook has recorded the partial run. */
  boolean wasInterrupted() {
    return interrupted;
  }

  private void interrupted() {
    if (finished) {
      return;
    }
    interrupted = true;
    int done = partial.count();
    status =
        status.with(
            RunStatus.PARTIAL,
            "interrupted after "
                + done
                + " of "
                + status.trialsPlanned()
                + " trials; finished trials are in "
                + folder.partialJson().getFileName(),
            now(),
            done);
    status.write(folder.status());
    stopForks();
    StaleFiles.removeIn(folder.dir()); // e.g. the series of the trial cut short, never published
    out.println();
    out.println(
        "optbench: interrupted. "
            + done
            + " of "
            + status.trialsPlanned()
            + " trials finished and are kept in "
            + folder.partialJson()
            + " (JMH JSON, marked partial in run.json); sandboxes are being removed.");
    out.flush();
  }

  /**
   * A terminal's Ctrl-C reaches JMH's forked JVM too, but a SIGINT or SIGTERM sent to this process
   * alone does not: end the forks with SIGTERM so their shutdown hooks remove their sandboxes, and
   * wait for that, so nothing outlives the run.
   */
  private static void stopForks() {
    List<ProcessHandle> forks = ProcessHandle.current().children().toList();
    forks.forEach(ProcessHandle::destroy);
    for (ProcessHandle fork : forks) {
      try {
        fork.onExit().get(FORK_CLEANUP.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        fork.destroyForcibly();
      }
    }
  }

  private static String now() {
    return Instant.now().toString();
  }
}
