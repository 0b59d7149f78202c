package dev.optbench.benchmarks.job;

import dev.optbench.benchmarks.jmh.RunFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Instant;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;

/**
 * Runs JMH over the plan and keeps the run's state honest: every finished trial is on disk at once
 * ({@code jmh.partial.json}); Ctrl-C or SIGTERM marks the run partial in {@code run.json} (the
 * sandboxes remove themselves through their own shutdown hooks); completion leaves JMH's {@code
 * jmh.json} and drops the partial file.
 */
final class TrialRun {
  private final RunFolder folder;
  private final PrintStream out;
  private final PartialResults partial;
  private RunStatus status;
  private volatile boolean finished;

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
      ProgressOutput progress = new ProgressOutput(out, status.trialsPlanned(), partial::add);
      JmhLauncher.run(options, progress);
      finished = true;
    } finally {
      if (!finished) {
        status = status.with(RunStatus.FAILED, "JMH stopped early", now(), partial.count());
        status.write(folder.status());
      }
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or ran: it wrote the status
      }
    }
    if (Files.isRegularFile(folder.jmhJson())) {
      partial.discard();
    }
  }

  /** Whether JMH ran to the end (some trials may still have failed). */
  boolean complete() {
    return finished;
  }

  private void interrupted() {
    if (finished) {
      return;
    }
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

  private static String now() {
    return Instant.now().toString();
  }
}
