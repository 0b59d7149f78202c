package dev.optbench.benchmarks.rounds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A round cut into one lane per engine: each engine runs its own pairs of the round, in the order
 * the round recorded them, while the other engines run theirs. Pairing needs no more than that: a
 * ratio is only formed between pairs of one engine, and those keep their order within the round and
 * their round. A run on one engine (named or not) has one lane, the round itself.
 */
public final class EngineLanes {
  private EngineLanes() {}

  /**
   * @param engines the order the lanes are listed in (the plan's); an engine without a pair in the
   *     round gets no lane, a pair of an engine not listed gets a lane after the listed ones
   */
  public static Map<String, List<Pair>> of(List<Pair> round, List<String> engines) {
    Map<String, List<Pair>> lanes = new LinkedHashMap<>();
    for (String e : engines) {
      lanes.put(e, new ArrayList<>());
    }
    for (Pair p : round) {
      lanes.computeIfAbsent(p.engine(), e -> new ArrayList<>()).add(p);
    }
    lanes.values().removeIf(List::isEmpty);
    lanes.replaceAll((e, pairs) -> List.copyOf(pairs));
    return lanes;
  }

  /** The engines of {@code pairs} ("" for the run's one unnamed engine), in plan order. */
  public static List<String> engines(List<Pair> pairs, List<String> planned) {
    List<String> engines = new ArrayList<>();
    for (String e : planned) {
      if (pairs.stream().anyMatch(p -> p.engine().equals(e))) {
        engines.add(e);
      }
    }
    pairs.stream()
        .map(Pair::engine)
        .distinct()
        .filter(e -> !engines.contains(e))
        .forEach(engines::add);
    return List.copyOf(engines);
  }
}
