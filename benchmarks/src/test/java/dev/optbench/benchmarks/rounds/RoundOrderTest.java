package dev.optbench.benchmarks.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundOrderTest {
  private static final List<String> VARIANTS = List.of("O0", "O2", "O3");
  private static final List<String> UNITS = List.of("u1", "u2", "u3", "u4");

  @TempDir Path dir;

  @Test
  void everyRoundIsAPermutationOfAllPairs() {
    RoundOrder order = RoundOrder.shuffled(VARIANTS, UNITS, 2, 8, 42);

    Set<Pair> all = new HashSet<>();
    VARIANTS.forEach(v -> UNITS.forEach(u -> all.add(new Pair(v, u))));
    assertThat(order.warmupRounds()).hasSize(2);
    assertThat(order.rounds()).hasSize(8);
    for (List<Pair> round : concat(order.warmupRounds(), order.rounds())) {
      assertThat(round).hasSize(all.size()).doesNotHaveDuplicates();
      assertThat(new HashSet<>(round)).isEqualTo(all);
    }
    assertThat(order.invocations()).isEqualTo(10 * 12);
  }

  @Test
  void roundsAreShuffledDifferentlyAndNotInPlanOrder() {
    RoundOrder order = RoundOrder.shuffled(VARIANTS, UNITS, 0, 8, 42);
    assertThat(new HashSet<>(order.rounds())).hasSizeGreaterThan(6); // 12! orders: repeats are rare
    // A variant is not always first: the position of O0's pairs moves between rounds.
    Set<Integer> firstO0 = new HashSet<>();
    for (List<Pair> round : order.rounds()) {
      firstO0.add(
          round.indexOf(round.stream().filter(p -> p.variant().equals("O0")).findFirst().get()));
    }
    assertThat(firstO0).hasSizeGreaterThan(1);
  }

  @Test
  void moreRoundsKeepTheRoundsRunSoFarAndFollowFromTheSeed() {
    RoundOrder order = RoundOrder.shuffled(VARIANTS, UNITS, 1, 5, 7);
    RoundOrder longer = order.withRounds(VARIANTS, UNITS, 9);

    assertThat(longer.rounds()).hasSize(9);
    assertThat(longer.rounds().subList(0, 5)).isEqualTo(order.rounds());
    assertThat(longer.warmupRounds()).isEqualTo(order.warmupRounds());
    assertThat(longer).isEqualTo(RoundOrder.shuffled(VARIANTS, UNITS, 1, 9, 7));
    assertThatThrownBy(() -> order.withRounds(List.of("O2", "O0", "O3"), UNITS, 9))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> order.withRounds(VARIANTS, UNITS, 4))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSeedReproducesTheOrderAndAnotherSeedDoesNot() {
    assertThat(RoundOrder.shuffled(VARIANTS, UNITS, 1, 5, 7))
        .isEqualTo(RoundOrder.shuffled(VARIANTS, UNITS, 1, 5, 7));
    assertThat(RoundOrder.shuffled(VARIANTS, UNITS, 1, 5, 7).rounds())
        .isNotEqualTo(RoundOrder.shuffled(VARIANTS, UNITS, 1, 5, 8).rounds());
  }

  @Test
  void theRecordedOrderReadsBackAndCarriesItsSeed() throws Exception {
    RoundOrder order = RoundOrder.shuffled(VARIANTS, UNITS, 1, 3, 1234567890123L);
    order.write(dir);

    assertThat(Files.readString(dir.resolve("rounds.json")))
        .contains("\"seed\" : 1234567890123")
        .contains("\"variant\" : \"O2\"");
    RoundOrder read = RoundOrder.read(dir);
    assertThat(read).isEqualTo(order);
    assertThat(RoundOrder.shuffled(VARIANTS, UNITS, 1, 3, read.seed())).isEqualTo(order);
  }

  @Test
  void pairsOnNamedEnginesAreShuffledRecordedAndExtendedAsGiven() throws Exception {
    // O0 on a only, the baseline O2 on a and b: the whole placement of two engines
    List<Pair> planned =
        List.of(
            new Pair("O0", "a", "u1"),
            new Pair("O0", "a", "u2"),
            new Pair("O2", "a", "u1"),
            new Pair("O2", "a", "u2"),
            new Pair("O2", "b", "u1"),
            new Pair("O2", "b", "u2"));
    RoundOrder order = RoundOrder.shuffled(planned, 1, 4, 99);
    order.write(dir);

    assertThat(order.rounds())
        .allSatisfy(r -> assertThat(r).containsExactlyInAnyOrderElementsOf(planned));
    assertThat(Files.readString(dir.resolve("rounds.json"))).contains("\"engine\" : \"b\"");
    assertThat(RoundOrder.read(dir)).isEqualTo(order);
    assertThat(order.withRounds(planned, 6).rounds().subList(0, 4)).isEqualTo(order.rounds());
    assertThat(new Pair("O2", "b", "u1")).hasToString("O2@b/u1");
  }

  @Test
  void withoutEnginesRoundsJsonHasNoEngineAndTheSameOrderAsBefore() throws Exception {
    RoundOrder order = RoundOrder.shuffled(VARIANTS, UNITS, 1, 3, 5);
    order.write(dir);

    assertThat(Files.readString(dir.resolve("rounds.json"))).doesNotContain("engine");
    List<Pair> crossProduct = new java.util.ArrayList<>();
    VARIANTS.forEach(v -> UNITS.forEach(u -> crossProduct.add(new Pair(v, "", u))));
    assertThat(RoundOrder.shuffled(crossProduct, 1, 3, 5)).isEqualTo(order);
  }

  private static List<List<Pair>> concat(List<List<Pair>> a, List<List<Pair>> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
