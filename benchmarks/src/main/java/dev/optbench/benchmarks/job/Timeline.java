package dev.optbench.benchmarks.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.benchmarks.jmh.RunFolder;
import dev.optbench.benchmarks.jmh.UnitMetric;
import dev.optbench.benchmarks.rounds.Invocation;
import dev.optbench.harness.files.AtomicFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code timeline.jsonl}: when each invocation of a run on several engines started and how long it
 * took, with and without what the harness does around the unit, one line each, written after every
 * round. It shows that the engines ran side by side and what each engine cost per unit; a run on
 * one engine writes none (its rounds' lines say the same).
 */
final class Timeline {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Timeline() {}

  /**
   * @param round "w1" for the first warm-up round, "3" for the third measured one
   */
  static void append(RunFolder folder, String round, List<Invocation> invocations) {
    for (Invocation i : invocations) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("round", round);
      line.put("engine", i.pair().engine());
      line.put("variant", i.pair().variant());
      line.put("unit", i.pair().unit());
      line.put("start", i.start().toString());
      line.put("spanMs", i.spanNanos() / 1e6);
      line.put("unitWallMs", UnitMetric.WALL.of(i.usage()));
      try {
        AtomicFile.appendLine(folder.timeline(), JSON.writeValueAsString(line));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot encode an invocation's timing", e);
      }
    }
  }
}
