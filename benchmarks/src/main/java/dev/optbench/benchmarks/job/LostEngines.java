package dev.optbench.benchmarks.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.benchmarks.jmh.RunFolder;
import dev.optbench.benchmarks.jmh.RunPlan;
import dev.optbench.benchmarks.rounds.Pair;
import dev.optbench.harness.engine.Engines;
import dev.optbench.harness.files.AtomicFile;
import dev.optbench.harness.files.ResultWriteException;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.runtime.docker.DockerEngine;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named engines that stopped answering during an interleaved run. An engine that fails is asked
 * once more (connect and ping): if it answers, the error is not an outage and ends the run as
 * before; if not, the engine is lost and runs nothing more. What happens to its pairs is decided
 * between rounds: under the {@code whole} placement its candidate variants move whole to an engine
 * still alive ({@link EngineMoves}: their rounds on the lost engine are dropped and recorded here,
 * {@link #recordMoves}); everything that does not move (every pair under {@code every}, the lost
 * engine's baseline pairs, all pairs when no engine is left) keeps only the rounds its engine's
 * pairs all finished before the loss (so they still pair round by round) and is reported failed
 * with the reason ({@link #record}). The other engines' pairs go on and the run completes.
 *
 * <p>Engines run their lanes on threads of their own, so a loss is told from that engine's thread
 * while the others ask {@link #lost}: the maps are guarded by this object, and the engine is asked
 * once more outside that lock (a ping can take seconds; the other engines keep going meanwhile).
 */
final class LostEngines {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RunPlan plan;
  private final PrintStream out;
  private final Map<String, String> reasons = new LinkedHashMap<>();
  private final Map<String, Integer> roundsKept = new LinkedHashMap<>();

  LostEngines(RunPlan plan, PrintStream out) {
    this.plan = plan;
    this.out = out;
  }

  synchronized boolean lost(String engine) {
    return reasons.containsKey(engine);
  }

  /** Whether every named engine is lost: nothing is left to run. */
  synchronized boolean all() {
    return !plan.engines().isEmpty() && reasons.size() == plan.engines().size();
  }

  /**
   * Whether {@code failure} on {@code engine} is that engine's outage; if so, the engine is lost
   * from now on and the console says so. Never for the run's one unnamed engine, nor for a result
   * that could not be written here.
   *
   * @param roundsDone the measured rounds every pair finished before this one
   */
  boolean isOutage(String engine, RuntimeException failure, int roundsDone) {
    if (engine.isEmpty() || failure instanceof ResultWriteException) {
      return false;
    }
    try {
      DockerEngine answers = Engines.connect(plan.engine(engine).spec());
      answers.close();
      return false; // the engine is there: the error is the run's, not the engine's
    } catch (RuntimeException down) {
      String reason = failure.getMessage() + "; then: " + down.getMessage();
      synchronized (this) {
        reasons.put(engine, reason);
        roundsKept.put(engine, roundsDone);
      }
      out.println();
      out.println(
          "optbench: engine "
              + engine
              + " was lost after "
              + roundsDone
              + " measured round(s) ("
              + reason
              + "). Its candidate variants move whole to an engine still alive where the"
              + " placement allows, else its pairs keep those rounds and are reported failed;"
              + " the other engines go on.");
      return true;
    }
  }

  /**
   * One line in {@code failures.jsonl} per pair of a lost engine that did not run every round, so
   * the report names each with the reason.
   */
  synchronized void record(
      List<Pair> planned, Map<Pair, List<ResourceUsage>> measured, int rounds, RunFolder folder) {
    for (Pair p : planned) {
      if (!lost(p.engine())) {
        continue;
      }
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("variant", p.variant());
      line.put("engine", p.engine());
      line.put("unit", p.unit());
      line.put("roundsKept", measured.getOrDefault(p, List.of()).size());
      line.put("roundsPlanned", rounds);
      line.put("engineLost", reasons.get(p.engine()));
      append(folder, line);
    }
  }

  /**
   * One line in {@code failures.jsonl} per pair a moved variant left on a lost engine: the rounds
   * measured there, dropped from the comparison, and where and from which round it ran instead.
   */
  void recordMoves(
      List<EngineMoves.Move> moves,
      Map<Pair, Integer> roundsDropped,
      Map<Pair, List<ResourceUsage>> measured,
      RunFolder folder) {
    for (EngineMoves.Move m : moves) {
      for (Map.Entry<Pair, Integer> left : roundsDropped.entrySet()) {
        Pair p = left.getKey();
        if (!m.left(p)) {
          continue;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("variant", p.variant());
        line.put("engine", p.engine());
        line.put("unit", p.unit());
        line.put("movedTo", m.to());
        line.put("afterRound", m.firstRound());
        line.put("roundsDropped", left.getValue());
        line.put("roundsOnNewEngine", measured.getOrDefault(m.moved(p), List.of()).size());
        line.put("engineLost", m.reason());
        append(folder, line);
      }
    }
  }

  private static void append(RunFolder folder, Map<String, Object> line) {
    try {
      AtomicFile.appendLine(folder.failures(), JSON.writeValueAsString(line));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a lost pair's record", e);
    }
  }

  synchronized Map<String, String> reasons() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
  }
}
