package dev.optbench.benchmarks.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.optbench.benchmarks.jmh.AtomicJson;
import dev.optbench.harness.engine.Placement;
import dev.optbench.harness.host.OwnerProcess;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code run.json}: what a run is and how far it got, so a reader knows whether {@code jmh.json} is
 * complete or only {@code jmh.partial.json} exists. Rewritten atomically at every change of state.
 *
 * @param status running, complete, partial (interrupted; finished trials kept), failed,
 *     series-pending (results complete, points wait for InfluxDB) or abandoned (its process died)
 * @param trialsDone trials with results; trials planned minus this is what is missing
 * @param owner the main job's JVM (boot id, pid, start time): a {@code running} run whose owner is
 *     gone was killed, and the next run marks it {@code abandoned}
 * @param placement which variants ran on which named engine ({@code --engine}); absent (null) for a
 *     run on one unnamed engine or without Docker
 */
@JsonPropertyOrder({
  "runId",
  "status",
  "message",
  "started",
  "finished",
  "runtime",
  "variants",
  "units",
  "trialsPlanned",
  "trialsDone",
  "jmhArgs",
  "owner",
  "placement"
})
public record RunStatus(
    String runId,
    String status,
    String message,
    String started,
    String finished,
    String runtime,
    List<String> variants,
    List<String> units,
    int trialsPlanned,
    int trialsDone,
    List<String> jmhArgs,
    OwnerProcess owner,
    @JsonInclude(JsonInclude.Include.NON_NULL) Placement placement) {
  public static final String RUNNING = "running";
  public static final String COMPLETE = "complete";
  public static final String PARTIAL = "partial";
  public static final String FAILED = "failed";

  /** Every trial ran, but InfluxDB has not taken every point: some wait in spool files. */
  public static final String SERIES_PENDING = "series-pending";

  /** Still {@code running} in run.json, but the process that ran it is gone (killed, crashed). */
  public static final String ABANDONED = "abandoned";

  /** A run's status without named engines. */
  public RunStatus(
      String runId,
      String status,
      String message,
      String started,
      String finished,
      String runtime,
      List<String> variants,
      List<String> units,
      int trialsPlanned,
      int trialsDone,
      List<String> jmhArgs,
      OwnerProcess owner) {
    this(
        runId,
        status,
        message,
        started,
        finished,
        runtime,
        variants,
        units,
        trialsPlanned,
        trialsDone,
        jmhArgs,
        owner,
        null);
  }

  /** A new run's status, owned by this JVM. */
  public RunStatus(
      String runId,
      String status,
      String message,
      String started,
      String finished,
      String runtime,
      List<String> variants,
      List<String> units,
      int trialsPlanned,
      int trialsDone,
      List<String> jmhArgs) {
    this(
        runId,
        status,
        message,
        started,
        finished,
        runtime,
        variants,
        units,
        trialsPlanned,
        trialsDone,
        jmhArgs,
        OwnerProcess.current());
  }

  public RunStatus with(String newStatus, String newMessage, String when, int done) {
    return new RunStatus(
        runId,
        newStatus,
        newMessage,
        started,
        when,
        runtime,
        variants,
        units,
        trialsPlanned,
        done,
        jmhArgs,
        owner,
        placement);
  }

  /** The same status with the run's placement over named engines. */
  public RunStatus withPlacement(Placement newPlacement) {
    return new RunStatus(
        runId,
        status,
        message,
        started,
        finished,
        runtime,
        variants,
        units,
        trialsPlanned,
        trialsDone,
        jmhArgs,
        owner,
        newPlacement);
  }

  public void write(Path file) {
    AtomicJson.write(this, file);
  }

  public static RunStatus read(Path file) {
    return AtomicJson.read(file, RunStatus.class);
  }
}
