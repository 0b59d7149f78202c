package dev.optbench.benchmarks.job;

import dev.optbench.benchmarks.rounds.Pair;
import dev.optbench.benchmarks.rounds.RoundOrder;
import dev.optbench.harness.engine.Placement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where the candidate variants of a lost engine go. Under the {@value Placement#WHOLE} placement a
 * candidate is compared only with the baseline on its own engine, and the baseline runs on every
 * engine that has a candidate: so a candidate of a lost engine can move <em>whole</em> to another
 * engine that is still alive and be compared there with that engine's baseline, round by round. Its
 * rounds on the lost engine are dropped (never mixed with rounds measured elsewhere); from its
 * first round on the new engine it runs in that engine's lane, and the run adds rounds until it has
 * as many as were planned. Under {@value Placement#EVERY} every engine already runs every variant:
 * nothing moves, and the lost engine's pairs are reported failed ({@link LostEngines}), as they are
 * when no engine is left alive or the lost engine ran only the baseline.
 *
 * <p>Moves are decided between rounds, in the run's own thread; a variant that moved can move again
 * if its new engine is lost too.
 */
final class EngineMoves {
  /**
   * One candidate moved whole.
   *
   * @param firstRound the first measured round (from 0) it runs on {@code to}; its rounds before
   *     were measured on {@code from} and are dropped
   */
  record Move(String variant, String from, String to, int firstRound, String reason) {
    /** Whether {@code p} is this variant's pair on the engine it left. */
    boolean left(Pair p) {
      return p.variant().equals(variant) && p.engine().equals(from);
    }

    Pair moved(Pair p) {
      return left(p) ? new Pair(variant, to, p.unit()) : p;
    }
  }

  /** Builds a variant's image on an engine that had none (no registry carries images). */
  @FunctionalInterface
  interface Images {
    /** The image id of {@code variant} built on {@code engine}. */
    String prepare(String variant, String engine);

    /** For runs where nothing can move: one unnamed engine, or none. */
    Images NONE =
        (variant, engine) -> {
          throw new IllegalStateException("no engine to build " + variant + " on");
        };
  }

  private final Placement placement;
  private final String baseline;
  private final List<Move> moves = new ArrayList<>();

  /**
   * @param placement the run's placement ({@link Placement#NONE} on one unnamed engine)
   */
  EngineMoves(Placement placement, String baseline) {
    this.placement = placement;
    this.baseline = baseline;
  }

  /**
   * Moves every candidate now on {@code lostEngine} to the engine still alive that has the fewest
   * candidates (the first in the placement's order on a tie), from round {@code firstRound} on.
   * None when the placement is not {@value Placement#WHOLE} or no engine that runs the baseline is
   * left.
   *
   * @return the moves made now, also kept for {@link #applyTo} and {@link #firstRound}
   */
  List<Move> decide(String lostEngine, Predicate<String> lost, int firstRound, String reason) {
    if (!placement.rule().equals(Placement.WHOLE)) {
      return List.of();
    }
    List<String> alive = placement.engines().stream().filter(e -> !lost.test(e)).toList();
    if (alive.isEmpty()) {
      return List.of();
    }
    List<Move> now = new ArrayList<>();
    for (String variant : candidatesOn(lostEngine)) {
      String to =
          alive.stream().min(Comparator.comparingInt(e -> candidatesOn(e).size())).orElseThrow();
      Move m = new Move(variant, lostEngine, to, firstRound, reason);
      moves.add(m);
      now.add(m);
    }
    return List.copyOf(now);
  }

  /** Why nothing of {@code lostEngine} moves, when {@link #decide} moved nothing. */
  String whyNone(String lostEngine, Predicate<String> lost) {
    if (!placement.rule().equals(Placement.WHOLE)) {
      return "the " + placement.rule() + " placement runs every variant on every engine already";
    }
    if (placement.engines().stream().allMatch(lost)) {
      return "no engine that runs the baseline is left alive";
    }
    return "it ran no candidate variant, only the baseline " + baseline;
  }

  /** The candidates that run on {@code engine} now: placed there, or moved there since. */
  List<String> candidatesOn(String engine) {
    List<String> on = new ArrayList<>();
    for (String v : placement.variantsOn(engine)) {
      if (!v.equals(baseline) && engineOf(v, engine).equals(engine)) {
        on.add(v);
      }
    }
    for (Move m : moves) {
      if (m.to().equals(engine) && engineOf(m.variant(), m.from()).equals(engine)) {
        on.add(m.variant());
      }
    }
    return on.stream().distinct().toList();
  }

  /** Where {@code variant}, first placed on {@code placed}, runs after every move so far. */
  private String engineOf(String variant, String placed) {
    String engine = placed;
    for (Move m : moves) {
      if (m.variant().equals(variant) && m.from().equals(engine)) {
        engine = m.to();
      }
    }
    return engine;
  }

  /**
   * {@code seeded} with every move applied: from a move's first round on, the variant's pairs on
   * the engine it left are its pairs on the engine it moved to, in the same places of each round
   * (so the rounds' shuffled order is kept, and {@code rounds.json} says where each pair ran).
   */
  RoundOrder applyTo(RoundOrder seeded) {
    List<List<Pair>> rounds = new ArrayList<>();
    for (int r = 0; r < seeded.rounds().size(); r++) {
      List<Pair> round = new ArrayList<>();
      for (Pair p : seeded.rounds().get(r)) {
        round.add(at(p, r));
      }
      rounds.add(round);
    }
    return new RoundOrder(seeded.seed(), seeded.warmupRounds(), rounds);
  }

  /** Where the seeded pair {@code p} runs in measured round {@code round}. */
  private Pair at(Pair p, int round) {
    Pair where = p;
    for (Move m : moves) {
      if (round >= m.firstRound()) {
        where = m.moved(where);
      }
    }
    return where;
  }

  /**
   * The first round of a pair's values: its move's first round for a moved variant's pair on the
   * engine it moved to, else 0 (the pair ran from the first round).
   */
  int firstRound(Pair p) {
    int first = 0;
    for (Move m : moves) {
      if (m.variant().equals(p.variant()) && m.to().equals(p.engine())) {
        first = m.firstRound();
      }
    }
    return first;
  }

  /**
   * The measured rounds the run needs so that every moved variant gets {@code planned} rounds on
   * its new engine; 0 without moves.
   */
  int roundsNeeded(int planned) {
    return moves.stream().mapToInt(m -> m.firstRound() + planned).max().orElse(0);
  }

  /**
   * The sentence that says which moved variants {@code maxRounds} leaves short of {@code planned}
   * rounds on their new engine; none when every one gets them.
   */
  java.util.Optional<String> shortOf(int planned, int maxRounds) {
    List<String> shortOnes =
        moves.stream()
            .filter(m -> m.firstRound() + planned > maxRounds)
            .map(
                m ->
                    m.variant()
                        + " gets "
                        + Math.max(0, maxRounds - m.firstRound())
                        + " on "
                        + m.to())
            .toList();
    return shortOnes.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            "--max-rounds "
                + maxRounds
                + " leaves the moved variants fewer than the "
                + planned
                + " planned rounds on their new engine: "
                + String.join(", ", shortOnes));
  }

  /** Whether {@code p} is a pair a moved variant left behind: its rounds are not compared. */
  boolean leftBehind(Pair p) {
    return moves.stream().anyMatch(m -> m.left(p));
  }

  List<Move> all() {
    return List.copyOf(moves);
  }
}
