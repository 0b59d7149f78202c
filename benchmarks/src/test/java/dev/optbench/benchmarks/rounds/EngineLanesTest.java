package dev.optbench.benchmarks.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.metrics.ResourceUsage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineLanesTest {
  private static final Pair O0A = new Pair("O0", "a", "u1");
  private static final Pair O2A = new Pair("O2", "a", "u1");
  private static final Pair O0B = new Pair("O0", "b", "u1");
  private static final Pair O2B = new Pair("O2", "b", "u1");

  @Test
  void eachEngineKeepsItsPairsInTheRoundsOrder() {
    Map<String, List<Pair>> lanes = EngineLanes.of(List.of(O2B, O0A, O0B, O2A), List.of("a", "b"));

    assertThat(lanes.keySet()).containsExactly("a", "b");
    assertThat(lanes.get("a")).containsExactly(O0A, O2A);
    assertThat(lanes.get("b")).containsExactly(O2B, O0B);
  }

  @Test
  void oneEngineIsOneLaneTheRoundItself() {
    List<Pair> round = List.of(new Pair("O2", "u2"), new Pair("O0", "u1"), new Pair("O0", "u2"));

    assertThat(EngineLanes.engines(round, List.of())).containsExactly("");
    assertThat(EngineLanes.of(round, List.of(""))).containsExactly(Map.entry("", round));
  }

  @Test
  void enginesWithoutPairsGetNoLaneAndComeInPlanOrder() {
    List<Pair> round = List.of(O0B, O0A);

    assertThat(EngineLanes.engines(round, List.of("a", "c", "b"))).containsExactly("a", "b");
    assertThat(EngineLanes.of(round, List.of("c", "b", "a")).keySet()).containsExactly("b", "a");
  }

  @Test
  void oneNamedEngineGetsItsStageLineButNoLanesAndTheUnnamedOneNeither() {
    for (String engine : List.of("a", "")) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      Pair p = new Pair("O0", engine, "u1");
      RoundProgress progress = new RoundProgress(out, RoundOrder.shuffled(List.of(p), 0, 1, 1));
      progress.stageStarted();
      Invocation i = at(p, 0, 1_000_000_000L);

      progress.roundDone(Map.of(p, i.usage()), List.of(i));
      progress.stageEnded();

      String text = bytes.toString(StandardCharsets.UTF_8);
      assertThat(text).containsPattern("round [0-9.]+s; elapsed").doesNotContain("together");
      if (engine.isEmpty()) {
        assertThat(text).doesNotContain("engine ", "measured rounds:");
      } else {
        assertThat(text)
            .contains("engine a: 1 units measured, 1.0s busy for 0.8s of unit wall: 200 ms")
            .containsPattern("measured rounds: 1 units in [0-9.]+s, [0-9.]+ units per minute\n");
      }
    }
  }

  @Test
  void aStageThatMeasuredNothingSaysSoInsteadOfARatio() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Pair p = new Pair("O0", "", "u1");
    RoundProgress progress = new RoundProgress(out, RoundOrder.shuffled(List.of(p), 0, 1, 1));
    progress.stageStarted();
    progress.stageEnded();

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .containsPattern("interleaved stage: [0-9.]+s, no unit measured\n")
        .doesNotContain("Infinity", "NaN");
  }

  @Test
  void overlapCountsOnlyTimeWhenTwoEnginesRanAtOnce() {
    // a: [0,10) [10,20); b: [5,12) [15,30): together [5,12) and [15,20) = 12
    List<Invocation> spans =
        List.of(at(O0A, 0, 10), at(O2A, 10, 20), at(O0B, 5, 12), at(O2B, 15, 30));

    assertThat(Overlap.nanos(spans)).isEqualTo(12);
    assertThat(Overlap.nanos(List.of(at(O0A, 0, 10), at(O0B, 10, 20))))
        .as("spans that only touch")
        .isZero();
    assertThat(Overlap.nanos(List.of(at(O0A, 0, 10)))).isZero();
  }

  @Test
  void aRoundOnTwoEnginesSaysWhatEachDidAndHowLongTheyOverlapped() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    RoundOrder order = RoundOrder.shuffled(List.of(O0A, O2A, O0B, O2B), 0, 2, 1);
    RoundProgress progress = new RoundProgress(out, order);
    progress.stageStarted();
    long s = 1_000_000_000L;
    List<Invocation> done =
        List.of(at(O0A, 0, s), at(O2A, s, 2 * s), at(O0B, 0, 3 * s / 2), at(O2B, 3 * s / 2, 3 * s));
    Map<Pair, ResourceUsage> usage = new LinkedHashMap<>();
    done.forEach(i -> usage.put(i.pair(), i.usage()));

    progress.roundDone(usage, done);
    progress.roundDone(Map.of(O0A, done.get(0).usage()), List.of(done.get(0), done.get(1)));
    progress.stageEnded();

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("[round  1/2] 4 pairs: unit wall 3.2s, round ")
        .contains(" (a: 2 pairs in 2.0s, b: 2 in 3.0s; together 2.0s); elapsed ")
        .as("b lost: a goes on alone")
        .contains(" (a: 2 pairs in 2.0s; together 0.0s); elapsed ")
        .contains("engine a: 4 units measured, 4.0s busy for 3.2s of unit wall: 200 ms per unit")
        .contains("engine b: 2 units measured, 3.0s busy for 1.6s of unit wall: 700 ms per unit")
        .containsPattern(
            "measured rounds: 6 units in [0-9.]+s, [0-9.]+ units per minute; two or more")
        .contains("engines busy together 2.0s");
  }

  private static Invocation at(Pair p, long start, long end) {
    ResourceUsage u = new ResourceUsage(800_000_000L, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, 1, "test");
    return new Invocation(p, Instant.EPOCH, start, end, u);
  }
}
