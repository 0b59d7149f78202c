package dev.optbench.benchmarks.rounds;

import dev.optbench.benchmarks.jmh.FfmpegUnitBenchmark;
import dev.optbench.benchmarks.jmh.UnitMetric;
import dev.optbench.harness.files.AtomicFile;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.results.jmh.BenchmarkResultBuilder;
import dev.optbench.results.jmh.JmhJsonWriter;
import dev.optbench.results.jmh.Rounds;
import dev.optbench.results.model.BenchmarkResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * An interleaved run as JMH JSON of the same shape the JMH route writes: one element per (variant,
 * unit) pair, benchmark {@code FfmpegUnitBenchmark.run}, SingleShotTime, params {@code unit} and
 * {@code variant} (JMH writes params sorted by name), and {@code engine} on named engines; one
 * raw-data group whose values are the rounds, in round order, so value {@code i} of every pair
 * comes from round {@code i}. The primary score is the unit's wall time measured next to the
 * process (ms/op), not the sandbox's launch plus the unit; the kernel-counter totals are the
 * secondaries {@link UnitMetric} names, as the profiler adds them in the JMH route.
 */
public final class InterleavedResults {
  public static final String BENCHMARK = FfmpegUnitBenchmark.class.getName() + ".run";

  private static final List<UnitMetric> SORTED =
      java.util.Arrays.stream(UnitMetric.values())
          .sorted(java.util.Comparator.comparing(UnitMetric::label))
          .toList();

  private InterleavedResults() {}

  public static List<BenchmarkResult> of(
      List<Pair> pairs, Map<Pair, List<ResourceUsage>> measured, int warmups) {
    return of(pairs, measured, warmups, p -> 0);
  }

  /**
   * @param firstRound the round (from 0) of each pair's first value: 0 for a pair that ran from the
   *     first round; a pair that started later (a variant moved to another engine when its own was
   *     lost) gets the secondary {@value Rounds#ROUND} naming each value's round, so that it pairs
   *     with the baseline's values of the same rounds ({@link Rounds})
   */
  public static List<BenchmarkResult> of(
      List<Pair> pairs,
      Map<Pair, List<ResourceUsage>> measured,
      int warmups,
      ToIntFunction<Pair> firstRound) {
    List<BenchmarkResult> out = new ArrayList<>();
    for (Pair p : pairs) {
      List<ResourceUsage> rounds = measured.getOrDefault(p, List.of());
      if (rounds.isEmpty()) {
        continue;
      }
      BenchmarkResultBuilder b =
          new BenchmarkResultBuilder(BENCHMARK).mode("ss").warmupIterations(warmups);
      if (!p.engine().isEmpty()) {
        b.param("engine", p.engine()); // JMH writes params sorted by name: engine, unit, variant
      }
      b.param("unit", p.unit())
          .param("variant", p.variant())
          .primary("ms/op", raw(rounds, UnitMetric.WALL::of));
      // JMH writes secondaries sorted by label (a TreeMap); so do we, for the same file.
      int first = firstRound.applyAsInt(p);
      boolean roundNamed = false;
      for (UnitMetric m : SORTED) {
        if (first > 0 && !roundNamed && m.label().compareTo(Rounds.ROUND) > 0) {
          b.secondaryMax(Rounds.ROUND, "#", roundNumbers(first, rounds.size()));
          roundNamed = true;
        }
        if (m.unit().equals("#")) { // the profiler aggregates counts by MAX
          b.secondaryMax(m.label(), m.unit(), raw(rounds, m::of));
        } else {
          b.secondary(m.label(), m.unit(), raw(rounds, m::of));
        }
      }
      if (first > 0 && !roundNamed) {
        b.secondaryMax(Rounds.ROUND, "#", roundNumbers(first, rounds.size()));
      }
      out.add(b.build());
    }
    return out;
  }

  /**
   * Through a temporary file, fsync and a rename ({@link AtomicFile}): a reader never sees half a
   * file, and a full disk raises {@link dev.optbench.harness.files.ResultWriteException}.
   */
  public static void write(List<BenchmarkResult> results, Path file) {
    StringWriter json = new StringWriter();
    try {
      new JmhJsonWriter().write(results, json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + file, e); // a StringWriter does not fail
    }
    AtomicFile.writeString(file, json.toString());
  }

  private static List<List<Double>> roundNumbers(int first, int count) {
    return List.of(
        java.util.stream.IntStream.range(first, first + count)
            .mapToDouble(r -> r)
            .boxed()
            .toList());
  }

  private static List<List<Double>> raw(
      List<ResourceUsage> rounds, ToDoubleFunction<ResourceUsage> f) {
    return List.of(rounds.stream().map(f::applyAsDouble).toList());
  }
}
