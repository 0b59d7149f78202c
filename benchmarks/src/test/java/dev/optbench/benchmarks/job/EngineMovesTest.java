package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.benchmarks.rounds.Pair;
import dev.optbench.benchmarks.rounds.RoundOrder;
import dev.optbench.harness.engine.Placement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which candidates of a lost engine move where, which rounds they leave, how many are added. */
class EngineMovesTest {
  private static final List<String> UNITS = List.of("u1", "u2");

  /** O0 and O3 on a, O1 on b; the baseline O2 on both. */
  private static Placement twoEngines() {
    return Placement.of(Placement.WHOLE, List.of("O0", "O1", "O2", "O3"), "O2", List.of("a", "b"));
  }

  private static RoundOrder order(Placement placement, int rounds) {
    List<String> variants = List.of("O0", "O1", "O2", "O3");
    return RoundOrder.shuffled(
        Interleaving.pairs(variants, UNITS, java.util.Optional.of(placement)), 1, rounds, 42);
  }

  @Test
  void aLostEnginesCandidateMovesWholeToTheEngineLeftAndLeavesItsEarlierRoundsBehind() {
    Placement placement = twoEngines();
    assertThat(placement.variantsOn("b")).containsExactly("O1", "O2");
    EngineMoves moves = new EngineMoves(placement, "O2");

    List<EngineMoves.Move> now = moves.decide("b", Set.of("b")::contains, 3, "connection refused");

    assertThat(now).containsExactly(new EngineMoves.Move("O1", "b", "a", 3, "connection refused"));
    assertThat(moves.candidatesOn("a")).containsExactly("O0", "O3", "O1");
    assertThat(moves.candidatesOn("b")).isEmpty();
    assertThat(moves.leftBehind(new Pair("O1", "b", "u1"))).isTrue();
    assertThat(moves.leftBehind(new Pair("O2", "b", "u1"))).as("the baseline stays").isFalse();
    assertThat(moves.leftBehind(new Pair("O0", "a", "u1"))).isFalse();
    assertThat(moves.firstRound(new Pair("O1", "a", "u2"))).isEqualTo(3);
    assertThat(moves.firstRound(new Pair("O0", "a", "u2"))).isZero();
    assertThat(moves.firstRound(new Pair("O2", "a", "u2"))).isZero();
    // 6 planned rounds: the moved variant needs rounds 3..8, 9 in all
    assertThat(moves.roundsNeeded(6)).isEqualTo(9);
    assertThat(moves.shortOf(6, 9)).isEmpty();
    assertThat(moves.shortOf(6, 8))
        .contains(
            "--max-rounds 8 leaves the moved variants fewer than the 6 planned rounds on their"
                + " new engine: O1 gets 5 on a");
  }

  @Test
  void fromItsFirstRoundOnAMovedVariantsPairsRunOnItsNewEngineInTheSamePlaces() {
    Placement placement = twoEngines();
    RoundOrder seeded = order(placement, 6);
    EngineMoves moves = new EngineMoves(placement, "O2");
    moves.decide("b", Set.of("b")::contains, 3, "gone");

    RoundOrder moved = moves.applyTo(seeded);

    assertThat(moved.warmupRounds()).isEqualTo(seeded.warmupRounds());
    for (int r = 0; r < 6; r++) {
      List<Pair> before = seeded.rounds().get(r);
      List<Pair> after = moved.rounds().get(r);
      for (int i = 0; i < before.size(); i++) {
        Pair p = before.get(i);
        boolean movesNow = r >= 3 && p.variant().equals("O1");
        assertThat(after.get(i))
            .as("round %d, place %d", r, i)
            .isEqualTo(movesNow ? new Pair("O1", "a", p.unit()) : p);
      }
    }
    assertThat(moved.rounds().get(3)).doesNotContain(new Pair("O1", "b", "u1"));
    assertThat(moved.rounds().get(3))
        .as("the baseline on b still listed: its lane ends at once, its engine lost")
        .contains(new Pair("O2", "b", "u1"));
  }

  @Test
  void withThreeEnginesTheCandidateGoesWhereFewestAreAndCanMoveAgain() {
    Placement placement =
        Placement.of(
            Placement.WHOLE, List.of("O0", "O1", "O2", "O3", "Os"), "O2", List.of("a", "b", "c"));
    // O0 and Os on a, O1 on b, O3 on c
    assertThat(placement.variantsOn("a")).containsExactly("O0", "O2", "Os");
    EngineMoves moves = new EngineMoves(placement, "O2");

    assertThat(moves.decide("b", Set.of("b")::contains, 2, "b down"))
        .extracting(EngineMoves.Move::to)
        .containsExactly("c");
    // then c is lost: O3 and the moved O1 go to a
    List<EngineMoves.Move> second = moves.decide("c", Set.of("b", "c")::contains, 5, "c down");

    assertThat(second)
        .containsExactly(
            new EngineMoves.Move("O3", "c", "a", 5, "c down"),
            new EngineMoves.Move("O1", "c", "a", 5, "c down"));
    assertThat(moves.firstRound(new Pair("O1", "a", "u1"))).isEqualTo(5);
    assertThat(moves.leftBehind(new Pair("O1", "c", "u1"))).isTrue();
    assertThat(moves.roundsNeeded(6)).isEqualTo(11);
    RoundOrder moved = moves.applyTo(order5(placement, 7));
    assertThat(moved.rounds().get(1)).contains(new Pair("O1", "b", "u1"));
    assertThat(moved.rounds().get(3)).contains(new Pair("O1", "c", "u1"));
    assertThat(moved.rounds().get(6)).contains(new Pair("O1", "a", "u1"));
  }

  private static RoundOrder order5(Placement placement, int rounds) {
    List<String> variants = List.of("O0", "O1", "O2", "O3", "Os");
    return RoundOrder.shuffled(
        Interleaving.pairs(variants, UNITS, java.util.Optional.of(placement)), 0, rounds, 7);
  }

  @Test
  void nothingMovesUnderEveryPlacementWithoutAnEngineLeftOrForTheBaselineAlone() {
    Placement every = Placement.of(Placement.EVERY, List.of("O0", "O2"), "O2", List.of("a", "b"));
    EngineMoves underEvery = new EngineMoves(every, "O2");
    assertThat(underEvery.decide("b", Set.of("b")::contains, 2, "x")).isEmpty();
    assertThat(underEvery.whyNone("b", Set.of("b")::contains)).contains("every placement");
    assertThat(underEvery.roundsNeeded(6)).isZero();

    EngineMoves allLost = new EngineMoves(twoEngines(), "O2");
    assertThat(allLost.decide("b", Set.of("a", "b")::contains, 2, "x")).isEmpty();
    assertThat(allLost.whyNone("b", Set.of("a", "b")::contains))
        .contains("no engine that runs the baseline is left alive");

    Placement baselineOnly = Placement.of(Placement.WHOLE, List.of("O2"), "O2", List.of("a", "b"));
    EngineMoves alone = new EngineMoves(baselineOnly, "O2");
    assertThat(alone.decide("a", Set.of("a")::contains, 1, "x")).isEmpty();

    EngineMoves none = new EngineMoves(Placement.NONE, "O2");
    assertThat(none.decide("", s -> true, 1, "x")).isEmpty();
  }
}
