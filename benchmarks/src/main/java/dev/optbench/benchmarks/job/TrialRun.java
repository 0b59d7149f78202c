package dev.optbench.benchmarks.job;

import dev.optbench.benchmarks.jmh.RunFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;

/**
 * Runs JMH over the plan and keeps the run's state honest: every finished trial is on disk at once
 * ({@code jmh.partial.json}); Ctrl-C or SIGTERM marks the run partial in {@code run.json} (the
 * sandboxes remove themselves through their own shutdown hooks); completion leaves JMH's {@code
 * jmh.json} and drops the partial file.
 */
final class TrialRun {
  /** Time a fork gets to remove its container or cgroup before it is killed. */
  private static final Duration FORK_CLEANUP = Duration.ofSeconds(20);

  private final RunFolder folder;
  private final PrintStream out;
  private final PartialResults partial;
  private RunStatus status;
  private volatile boolean finished;
  private volatile boolean interrupted;

  TrialRun(RunFolder folder, RunStatus status, PrintStream out) {
    this.folder = folder;
    this.status = status;
    this.out = out;
    this.partial = new PartialResults(folder.partialJson());
  }

  void run(Options options) throws RunnerException, IOException {
    Thread onInterrupt = new Thread(this::interrupted, "optbench-partial-results");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      ProgressOutput progress =
          new ProgressOutput(out, status.trialsPlanned(), partial::add, () -> interrupted);
      JmhLauncher.run(options, progress);
      // JMH also returns when its fork was ended by the shutdown hook: not a complete run.
      finished = !interrupted;
    } finally {
      if (!finished && !interrupted) {
        status = status.with(RunStatus.FAILED, "JMH stopped early", now(), partial.count());
        status.write(folder.status());
      }
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or ran: it wrote the status
      }
    }
    if (finished && Files.isRegularFile(folder.jmhJsonWriting())) {
      Files.move(
          folder.jmhJsonWriting(),
          folder.jmhJson(),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      partial.discard();
    }
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
