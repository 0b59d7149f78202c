package dev.optbench.benchmarks.job;

import dev.optbench.harness.files.ResultWriteException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output, one line per trial: which (variant, unit) runs, each invocation's wall time as
 * measured next to the process, and how much of the run is left. JMH's own text format is thirty
 * lines per trial; with {@code -v EXTRA} the launcher uses that instead. Messages JMH prints
 * (warnings, a failing trial's stack trace) pass through unchanged.
 */
final class ProgressOutput implements OutputFormat {
  private final PrintStream out;
  private final int trials;
  private final Consumer<BenchmarkResult> onTrialDone;
  private final BooleanSupplier interrupted;
  private final long started = System.nanoTime();
  private int trial;
  private boolean lineOpen;
  private volatile String stopReason; // a result file could not be written: no further trials

  ProgressOutput(
      PrintStream out,
      int trials,
      Consumer<BenchmarkResult> onTrialDone,
      BooleanSupplier interrupted) {
    this.interrupted = interrupted;
    this.out = out;
    this.trials = trials;
    this.onTrialDone = onTrialDone;
  }

  @Override
  public void startRun() {}

  @Override
  public void startBenchmark(BenchmarkParams params) {
    if (interrupted.getAsBoolean()) {
      // JMH would start the next trial's fork while the JVM shuts down; this ends its loop.
      throw new IllegalStateException("interrupted: no further trials");
    }
    if (stopReason != null) {
      throw new IllegalStateException(stopReason + ": no further trials");
    }
    trial++;
    closeLine();
    out.printf(
        Locale.ROOT,
        "[%" + String.valueOf(trials).length() + "d/%d] %-8s %-6s",
        trial,
        trials,
        params.getParam("variant"),
        params.getParam("unit"));
    lineOpen = true;
  }

  @Override
  public void iteration(BenchmarkParams benchmParams, IterationParams params, int iteration) {}

  @Override
  public void iterationResult(
      BenchmarkParams benchmParams, IterationParams params, int iteration, IterationResult data) {
    Result<?> wall = data.getSecondaryResults().get("wall");
    Result<?> failed = data.getSecondaryResults().get("failed");
    String value =
        wall != null
            ? String.format(Locale.ROOT, "%.0f", wall.getScore())
            : String.format(Locale.ROOT, "%.0f*", data.getPrimaryResult().getScore());
    boolean warmup = params.getType() == IterationType.WARMUP;
    out.print(" " + (warmup ? "(" + value + ")" : value));
    if (failed != null && failed.getScore() > 0) {
      out.print("!");
    }
    out.flush();
  }

  @Override
  public void endBenchmark(BenchmarkResult result) {
    if (result != null) {
      try {
        onTrialDone.accept(result);
      } catch (ResultWriteException e) {
        stopReason = e.getMessage();
      }
    }
    long elapsed = System.nanoTime() - started;
    long left = trial == 0 ? 0 : elapsed / trial * (trials - trial);
    out.printf(
        Locale.ROOT,
        "  ms  %s elapsed %s, left ~%s%n",
        bar(trial, trials),
        human(elapsed),
        human(left));
    lineOpen = false;
  }

  @Override
  public void endRun(Collection<RunResult> result) {
    closeLine();
  }

  private void closeLine() {
    if (lineOpen) {
      out.println();
      lineOpen = false;
    }
  }

  /**
   * "[######----] 60%". By hand rather than with a progress-bar library: those redraw one line with
   * carriage returns, which CI logs and files show as garbage; this is appended once per trial and
   * reads the same in a terminal and in a log.
   */
  static String bar(int done, int total) {
    int width = 20;
    int filled = total == 0 ? width : (int) Math.round((double) width * done / total);
    return "["
        + "#".repeat(filled)
        + "-".repeat(width - filled)
        + "] "
        + (total == 0 ? 100 : 100 * done / total)
        + "%";
  }

  static String human(long nanos) {
    Duration d = Duration.ofNanos(nanos);
    if (d.toMinutes() >= 1) {
      return d.toMinutes() + "m" + String.format(Locale.ROOT, "%02d", d.toSecondsPart()) + "s";
    }
    return d.toSeconds() + "s";
  }

  @Override
  public void print(String s) {
    out.print(s);
  }

  @Override
  public void println(String s) {
    if (isChatter(s)) {
      return;
    }
    closeLine();
    out.println(s);
    noteWriteFailure(s);
  }

  /**
   * A fork that could not write a result file (its series, a failure record) fails its trial with a
   * {@link ResultWriteException}, whose text JMH passes here: the run must stop, not go on
   * producing results it cannot keep.
   */
  private void noteWriteFailure(String text) {
    String marker = ResultWriteException.class.getName() + ": ";
    int at = text.indexOf(marker);
    if (at >= 0 && stopReason == null) {
      stopReason = text.substring(at + marker.length()).lines().findFirst().orElse("").strip();
    }
  }

  /** Why the run must stop (a result file could not be written), if it must. */
  java.util.Optional<String> stopReason() {
    return java.util.Optional.ofNullable(stopReason);
  }

  /** JMH's per-trial banner lines, which the trial line replaces; warnings and errors pass. */
  static boolean isChatter(String line) {
    String l = line.strip();
    return l.isEmpty()
        || l.startsWith("# Run progress")
        || l.startsWith("# Fork:")
        || l.startsWith("# Warmup Iteration")
        || l.startsWith("Iteration ")
        // JMH names its own file, which the main job moves into place; it prints the final path.
        || l.startsWith("Benchmark result is saved to");
  }

  @Override
  public void flush() {
    out.flush();
  }

  @Override
  public void close() {
    out.flush();
  }

  @Override
  public void verbosePrintln(String s) {}

  @Override
  public void write(int b) {
    out.write(b);
  }

  @Override
  public void write(byte[] b) throws IOException {
    out.write(b);
  }
}
