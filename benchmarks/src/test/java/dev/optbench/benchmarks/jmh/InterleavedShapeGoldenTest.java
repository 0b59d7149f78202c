package dev.optbench.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.benchmarks.rounds.InterleavedResults;
import dev.optbench.benchmarks.rounds.Pair;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.results.jmh.JmhJsonReader;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.model.VariantSplit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Golden test of "an interleaved run writes the JSON the JMH route writes": real jmh-core runs
 * {@link ShapeUnitBenchmark} (the main job's benchmark shape with the real {@link
 * KernelCountersProfiler}), then {@link InterleavedResults} writes the same invocations' totals as
 * rounds. Same keys in the same order everywhere, same params, units, secondaries and raw values;
 * different only where JMH describes its JVM, in {@code forks} and {@code benchmark} (another
 * class), and in the primary metric's numbers — by design: JMH times the call (sandbox launch
 * included), the interleaved run's primary score is the unit's wall time next to the process.
 * jmh-core has no JSON reader, so "read back" is the results module's reader.
 */
class InterleavedShapeGoldenTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> MAY_DIFFER =
      List.of("/jvm", "/jvmArgs", "/jdkVersion", "/vmName", "/vmVersion", "/forks", "/benchmark");

  @TempDir Path dir;

  @Test
  void interleavedResultsHaveTheShapeOfTheJmhRoute() throws Exception {
    Path jmhFile = dir.resolve("jmh.json");
    ShapeUnitBenchmark.INVOKED.clear();
    new Runner(
            new OptionsBuilder()
                .include(ShapeUnitBenchmark.class.getName() + ".run")
                .forks(0)
                .warmupIterations(1)
                .measurementIterations(3)
                .addProfiler(KernelCountersProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(jmhFile.toString())
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build())
        .run();
    JsonNode jmh = MAPPER.readTree(jmhFile.toFile());

    List<Pair> pairs = new ArrayList<>();
    Map<Pair, List<ResourceUsage>> measured = new LinkedHashMap<>();
    for (JsonNode b : jmh) {
      Pair p =
          new Pair(b.get("params").get("variant").asText(), b.get("params").get("unit").asText());
      pairs.add(p);
      List<ResourceUsage> all = ShapeUnitBenchmark.INVOKED.get(p.variant() + "/" + p.unit());
      measured.put(p, all.subList(1, all.size())); // the first was the warm-up
    }
    Path ours = dir.resolve("interleaved.json");
    InterleavedResults.write(InterleavedResults.of(pairs, measured, 1), ours);
    JsonNode mine = MAPPER.readTree(ours.toFile());

    assertThat(mine.size()).isEqualTo(jmh.size()).isEqualTo(4);
    for (int i = 0; i < jmh.size(); i++) {
      List<String> diffs = differences(jmh.get(i), mine.get(i), "");
      assertThat(diffs)
          .as("where the interleaved file differs from JMH's")
          .allMatch(
              d ->
                  MAY_DIFFER.contains(d)
                      || d.startsWith("/primaryMetric/score")
                      || d.startsWith("/primaryMetric/rawData"));
      // The primary score is the unit's wall, which JMH's file has as the "wall" secondary.
      assertThat(mine.get(i).get("primaryMetric").get("rawData"))
          .isEqualTo(jmh.get(i).get("secondaryMetrics").get("wall").get("rawData"));
      assertThat(mine.get(i).get("primaryMetric").get("scoreUnit").asText()).isEqualTo("ms/op");
    }

    List<BenchmarkResult> read = new JmhJsonReader().read(ours);
    Map<String, List<BenchmarkResult>> byVariant = VariantSplit.byParam(read, "variant");
    assertThat(byVariant).containsOnlyKeys("O0", "O2");
    BenchmarkResult o0u1 = byVariant.get("O0").get(0);
    assertThat(o0u1.params()).containsOnlyKeys("unit");
    assertThat(o0u1.primaryMetric().samples()).containsExactly(24.0, 26.0, 28.0); // rounds 1..3
    assertThat(o0u1.secondaryMetrics().get("cpu.total").scoreUnit()).isEqualTo("ms");
    // contention, in both routes alike (the loop above): ShapeUnitBenchmark's base * n / 10 ns
    assertThat(o0u1.secondaryMetrics().get("cpu.wait").scoreUnit()).isEqualTo("ms");
    assertThat(o0u1.secondaryMetrics().get("cpu.wait").samples()).containsExactly(0.4, 0.6, 0.8);
    assertThat(o0u1.warmupIterations()).isEqualTo(1);
    assertThat(o0u1.measurementIterations()).isEqualTo(3);
  }

  private static List<String> differences(JsonNode a, JsonNode b, String path) {
    List<String> found = new ArrayList<>();
    if (a.isObject() && b.isObject()) {
      List<String> keysA = keys(a);
      List<String> keysB = keys(b);
      if (!keysA.equals(keysB)) {
        found.add(path + " keys " + keysA + " vs " + keysB);
      }
      for (String k : keysA) {
        if (b.has(k)) {
          found.addAll(differences(a.get(k), b.get(k), path + "/" + k));
        }
      }
    } else if (!a.equals(b)) {
      found.add(path);
    }
    return found;
  }

  private static List<String> keys(JsonNode object) {
    return object.properties().stream().map(Map.Entry::getKey).toList();
  }
}
