package dev.optbench.benchmarks.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.optbench.benchmarks.jmh.AtomicJson;
import dev.optbench.harness.engine.Placement;
import dev.optbench.harness.host.OwnerProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * {@code run.json}: what a run is and how far it got, so a reader knows whether {@code jmh.json} is
 * complete or only {@code jmh.partial.json} exists. Rewritten atomically at every change of state.
 *
 * @param status running, complete, partial (interrupted; finished trials kept), failed,
 *     series-pending (results complete, points wait for InfluxDB) or abandoned (its process died)
 * @param trialsDone trials with results; trials planned minus this is what is missing
 * @param owner the main job's JVM (boot id, pid, start time): a {@code running} run whose owner is
 *     gone was killed, and the next run marks it {@code abandoned}
 * @param placement which variants ran on which named engine ({@code --engine}); {@link
 *     Placement#NONE} for a run on one unnamed engine or without Docker, left out of the file so
 *     such a run.json stays as it was before engines existed
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
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Unplaced.class)
        Placement placement) {
  public static final String RUNNING = "running";
  public static final String COMPLETE = "complete";
  public static final String PARTIAL = "partial";
  public static final String FAILED = "failed";

  /** Every trial ran, but InfluxDB has not taken every point: some wait in spool files. */
  public static final String SERIES_PENDING = "series-pending";

  /** Still {@code running} in run.json, but the process that ran it is gone (killed, crashed). */
  public static final String ABANDONED = "abandoned";

  /**
   * Absent and {@link Placement#NONE} are the same: a run.json written without named engines (and
   * every one written before placements existed) reads back as {@link Placement#NONE}.
   */
  public RunStatus {
    placement = Objects.requireNonNullElse(placement, Placement.NONE);
  }

  /** A new run's status: running, nothing done yet, owned by this JVM. */
  public static RunStatus begin(
      String runId,
      String started,
      String runtime,
      List<String> variants,
      List<String> units,
      int trialsPlanned,
      List<String> jmhArgs,
      Placement placement) {
    return new RunStatus(
        runId,
        RUNNING,
        "",
        started,
        null,
        runtime,
        variants,
        units,
        trialsPlanned,
        0,
        jmhArgs,
        OwnerProcess.current(),
        placement);
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

  /** Jackson's filter for {@code placement}: true (left out) for {@link Placement#NONE}. */
  static final class Unplaced {
    @Override
    public boolean equals(Object value) {
      return value instanceof Placement p && !p.placed();
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  public void write(Path file) {
    AtomicJson.write(this, file);
  }

  public static RunStatus read(Path file) {
    return AtomicJson.read(file, RunStatus.class);
  }
}
