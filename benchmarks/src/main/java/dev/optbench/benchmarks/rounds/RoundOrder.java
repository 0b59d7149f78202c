package dev.optbench.benchmarks.rounds;

import dev.optbench.benchmarks.jmh.AtomicJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order of an interleaved run, written to {@code rounds.json} before the first invocation:
 * every round (warm-up rounds first) runs every (variant, unit) pair once, in an order shuffled per
 * round. Shuffled so that nothing that drifts during a round (other load, clock frequency, caches)
 * lands on one variant more than another; from a seed, so the order can be reproduced. {@link
 * Random} and {@link Collections#shuffle(List, Random)} are specified algorithms: the same seed
 * gives the same order on every JDK.
 */
public record RoundOrder(long seed, List<List<Pair>> warmupRounds, List<List<Pair>> rounds) {
  public static final String FILE = "rounds.json";

  public RoundOrder {
    warmupRounds = warmupRounds.stream().map(List::copyOf).toList();
    rounds = rounds.stream().map(List::copyOf).toList();
  }

  public static RoundOrder shuffled(
      List<String> variants, List<String> units, int warmups, int rounds, long seed) {
    List<Pair> pairs = new ArrayList<>();
    for (String v : variants) {
      for (String u : units) {
        pairs.add(new Pair(v, u));
      }
    }
    return shuffled(pairs, warmups, rounds, seed);
  }

  /**
   * Rounds of the given pairs, in plan order (variants, then engines, then units): what a run on
   * named engines shuffles, as its variants are not on every engine. The same pairs in the same
   * order and seed give the same rounds as {@link #shuffled(List, List, int, int, long)}.
   */
  public static RoundOrder shuffled(List<Pair> pairs, int warmups, int rounds, long seed) {
    if (rounds < 1 || warmups < 0) {
      throw new IllegalArgumentException(
          "an interleaved run needs at least 1 round and no negative warm-ups");
    }
    Random random = new Random(seed);
    List<List<Pair>> warm = new ArrayList<>();
    for (int w = 0; w < warmups; w++) {
      warm.add(shuffle(pairs, random));
    }
    List<List<Pair>> measured = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      measured.add(shuffle(pairs, random));
    }
    return new RoundOrder(seed, warm, measured);
  }

  /**
   * The same run with {@code total} measured rounds: one seeded stream shuffles the warm-ups and
   * then every round, so the rounds already run are the longer order's first ones and the new ones
   * follow from the same seed. {@code variants} and {@code units} as given to {@link #shuffled}.
   */
  public RoundOrder withRounds(List<String> variants, List<String> units, int total) {
    List<Pair> pairs = new ArrayList<>();
    for (String v : variants) {
      for (String u : units) {
        pairs.add(new Pair(v, u));
      }
    }
    return withRounds(pairs, total);
  }

  /** As {@link #withRounds(List, List, int)}, for the pairs as given to {@link #shuffled}. */
  public RoundOrder withRounds(List<Pair> planned, int total) {
    RoundOrder longer = shuffled(planned, warmupRounds.size(), total, seed);
    if (total < rounds.size()
        || !longer.warmupRounds.equals(warmupRounds)
        || !longer.rounds.subList(0, rounds.size()).equals(rounds)) {
      throw new IllegalArgumentException(
          "not the variants and units this order was shuffled from, or fewer rounds");
    }
    return longer;
  }

  private static List<Pair> shuffle(List<Pair> pairs, Random random) {
    List<Pair> round = new ArrayList<>(pairs);
    Collections.shuffle(round, random);
    return round;
  }

  /** The pairs in the order the first round runs them: what every round holds, in some order. */
  public List<Pair> pairs() {
    return rounds.get(0);
  }

  public int invocations() {
    return (warmupRounds.size() + rounds.size()) * pairs().size();
  }

  public void write(Path runDir) {
    AtomicJson.write(this, runDir.resolve(FILE)); // RunFolder.rounds()
  }

  public static RoundOrder read(Path runDir) {
    return AtomicJson.read(runDir.resolve(FILE), RoundOrder.class);
  }
}
