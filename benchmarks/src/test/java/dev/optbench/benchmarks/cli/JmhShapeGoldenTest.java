package dev.optbench.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.results.jmh.BenchmarkResultBuilder;
import dev.optbench.results.jmh.JmhJsonReader;
import dev.optbench.results.model.BenchmarkResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Golden test of the contract "JMH JSON written outside JMH has exactly JMH's shape": real jmh-core
 * runs {@link SingleShotBenchmark} in this JVM, then the same result is rebuilt through {@link
 * BenchmarkResultBuilder} from JMH's raw numbers and written the way {@code optbench run} writes
 * (RunResults). The two files may differ only where JMH describes the JVM it ran on, and in {@code
 * forks} (see {@link #FORKS}).
 */
class JmhShapeGoldenTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What JMH knows about its JVM and optbench, measuring a native program, cannot. */
  private static final List<String> MACHINE_FIELDS =
      List.of("jvm", "jvmArgs", "jdkVersion", "vmName", "vmVersion");

  /**
   * JMH writes the fork setting, and forks(0) means one in-process group; optbench writes the
   * number of raw-data groups (separate runs). Equal for any forks(N >= 1), 0 vs 1 here.
   */
  private static final String FORKS = "forks";

  @TempDir Path dir;

  // Numbers must not follow the default locale (a German one writes 1,5); JMH's do not either.
  @ParameterizedTest
  @ValueSource(strings = {"en-US", "de-DE"})
  void optbenchWritesWhatJmhWritesForTheSameNumbers(String locale) throws Exception {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag(locale));
    try {
      Path jmhFile = runJmh();
      String jmhText = Files.readString(jmhFile);
      JsonNode jmh = MAPPER.readTree(jmhText).get(0);

      BenchmarkResult rebuilt = rebuild(jmh);
      Path ours = dir.resolve("optbench.json");
      RunResults.write(rebuilt, ours);

      // Only the JVM description and the fork count differ: no other value, no key, no key order.
      JsonNode oursTree = MAPPER.readTree(ours.toFile()).get(0);
      assertThat(differences(jmh, oursTree, ""))
          .as("fields where optbench's file differs from JMH's")
          .allMatch(path -> MACHINE_FIELDS.contains(path.substring(1)) || path.equals("/" + FORKS));
      assertThat(jmh.get(FORKS).asInt()).isZero();
      assertThat(rebuilt.forks()).isEqualTo(rebuilt.primaryMetric().rawData().size()).isOne();

      // With JMH's JVM description and fork setting, the same bytes: layout, numbers, newlines.
      Path withJvm = dir.resolve("optbench-with-jvm.json");
      RunResults.write(withJvmOf(rebuilt, jmh), withJvm);
      assertThat(Files.readString(withJvm)).isEqualTo(jmhText);
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void jmhJsonReaderReadsJmhsFile() throws Exception {
    Path jmhFile = runJmh();
    JsonNode jmh = MAPPER.readTree(jmhFile.toFile()).get(0);

    List<BenchmarkResult> read = new JmhJsonReader().read(jmhFile);

    assertThat(read).hasSize(1);
    BenchmarkResult r = read.get(0);
    assertThat(r.benchmark()).isEqualTo(SingleShotBenchmark.class.getName() + ".work");
    assertThat(r.mode()).isEqualTo("ss");
    assertThat(r.params()).containsOnlyKeys("variant", "command").containsEntry("variant", "O2");
    assertThat(r.primaryMetric().scoreUnit()).isEqualTo("ms/op");
    assertThat(r.primaryMetric().rawData()).isEqualTo(rawData(jmh.get("primaryMetric")));
    assertThat(r.primaryMetric().samples()).hasSize(3);
    assertThat(r.secondaryMetrics()).containsOnlyKeys("mem.heap", "gc.count");
    assertThat(r.secondaryMetrics().get("mem.heap").rawData())
        .isEqualTo(rawData(jmh.get("secondaryMetrics").get("mem.heap")));
  }

  private Path runJmh() throws Exception {
    Path file = dir.resolve("jmh.json");
    new Runner(
            new OptionsBuilder()
                .include(SingleShotBenchmark.class.getName() + ".work")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(3)
                .addProfiler(ScalarCountersProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(file.toString())
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build())
        .run();
    return file;
  }

  /** The inputs optbench has for a run: name, params, mode, raw values, secondaries. */
  private static BenchmarkResult rebuild(JsonNode jmh) {
    BenchmarkResultBuilder b =
        new BenchmarkResultBuilder(jmh.get("benchmark").asText()).mode(jmh.get("mode").asText());
    jmh.get("params").properties().forEach(p -> b.param(p.getKey(), p.getValue().asText()));
    JsonNode primary = jmh.get("primaryMetric");
    b.primary(primary.get("scoreUnit").asText(), rawData(primary));
    jmh.get("secondaryMetrics")
        .properties()
        .forEach(
            m ->
                b.secondary(
                    m.getKey(), m.getValue().get("scoreUnit").asText(), rawData(m.getValue())));
    return b.build();
  }

  private static List<List<Double>> rawData(JsonNode metric) {
    List<List<Double>> forks = new ArrayList<>();
    for (JsonNode fork : metric.get("rawData")) {
      List<Double> values = new ArrayList<>();
      fork.forEach(v -> values.add(v.asDouble()));
      forks.add(values);
    }
    return forks;
  }

  /** {@code r} with JMH's JVM description and fork setting. */
  private static BenchmarkResult withJvmOf(BenchmarkResult r, JsonNode jmh) {
    List<String> jvmArgs = new ArrayList<>();
    jmh.get("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
    return new BenchmarkResult(
        r.jmhVersion(),
        r.benchmark(),
        r.mode(),
        r.threads(),
        jmh.get(FORKS).asInt(),
        jmh.get("jvm").asText(),
        jvmArgs,
        jmh.get("jdkVersion").asText(),
        jmh.get("vmName").asText(),
        jmh.get("vmVersion").asText(),
        r.warmupIterations(),
        r.warmupTime(),
        r.warmupBatchSize(),
        r.measurementIterations(),
        r.measurementTime(),
        r.measurementBatchSize(),
        r.params(),
        r.primaryMetric(),
        r.secondaryMetrics());
  }

  /** JSON paths ("/a/b") where the trees differ in a value, in the keys, or in the keys' order. */
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
