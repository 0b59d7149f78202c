package dev.optbench.benchmarks.job;

import dev.optbench.benchmarks.jmh.RunFolder;
import dev.optbench.benchmarks.jmh.RunPlan;
import dev.optbench.harness.metrics.sink.InfluxSettings;
import dev.optbench.harness.metrics.sink.SpoolFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;

/**
 * Gets the series of a run into InfluxDB although it was away for a while: each trial's sink spools
 * what InfluxDB did not take, and this retries those spools after every trial and once more at the
 * end of the run. What is still undelivered then is said in run.json, the last lines and the exit
 * code, with the command that replays it. A run without InfluxDB has nothing to deliver.
 */
class SeriesDelivery {
  /** Between trials a retry must not hold the run up for long when InfluxDB is still down. */
  private static final Duration BETWEEN_TRIALS = Duration.ofSeconds(5);

  private static final Duration AT_THE_END = Duration.ofSeconds(30);

  private static final SeriesDelivery NONE = new SeriesDelivery(null);

  private final SpoolFolder spools;

  private SeriesDelivery(SpoolFolder spools) {
    this.spools = spools;
  }

  /** The delivery of the run in {@code folder}, as its plan says (no InfluxDB: nothing to do). */
  static SeriesDelivery of(RunFolder folder) {
    if (!Files.isRegularFile(folder.plan())) {
      return NONE;
    }
    RunPlan plan = RunPlan.read(folder.plan());
    if (plan.influxUrl() == null) {
      return NONE;
    }
    return new SeriesDelivery(
        new SpoolFolder(
            folder.samples(), InfluxSettings.of(plan.influxUrl(), plan.influxDatabase())));
  }

  /**
   * After a trial, whose sink has closed: what it and earlier trials spooled, if InfluxDB is up.
   */
  void afterTrial() {
    if (spools == null) {
      return;
    }
    try {
      spools.retry(BETWEEN_TRIALS);
    } catch (IOException e) {
      // the spools stay on disk; the retry at the end says what is left
    }
  }

  /**
   * The last retry; empty when every point is in InfluxDB, else the sentence for the user: how many
   * points, where they wait, and how to replay them.
   */
  Optional<String> finish() {
    if (spools == null) {
      return Optional.empty();
    }
    String replay = " Replay them when InfluxDB is up: " + spools.replayCommand();
    try {
      SpoolFolder.Outcome left = spools.retry(AT_THE_END);
      if (left.complete()) {
        return Optional.empty();
      }
      return Optional.of(
          left.pendingLines()
              + " points of the time series are not in InfluxDB (it did not take them before the"
              + " end of the run); they wait in "
              + left.pendingFiles()
              + " *.spool file(s)."
              + replay);
    } catch (IOException e) {
      return Optional.of(
          "the spooled points of the time series could not be read or sent ("
              + e.getMessage()
              + "); they stay in the *.spool files."
              + replay);
    }
  }
}
