package dev.optbench.results.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.results.model.BenchmarkResult;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs real jmh-core in this JVM and proves our reader and writer agree with its JSON. */
class RealJmhFixtureTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void readsAndRoundTripsWhatJmhWrites(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("jmh.json");
    Options options =
        new OptionsBuilder()
            .include(TinyBenchmark.class.getName() + ".sum")
            .forks(0)
            .warmupIterations(1)
            .warmupTime(TimeValue.milliseconds(20))
            .measurementIterations(4)
            .measurementTime(TimeValue.milliseconds(20))
            .resultFormat(ResultFormatType.JSON)
            .result(file.toString())
            .build();
    new Runner(options).run();

    List<BenchmarkResult> results = new JmhJsonReader().read(file);

    assertThat(results).hasSize(2);
    BenchmarkResult first = results.get(0);
    assertThat(first.benchmark()).isEqualTo(TinyBenchmark.class.getName() + ".sum");
    assertThat(first.mode()).isEqualTo("avgt");
    assertThat(first.jmhVersion()).isEqualTo("1.37");
    assertThat(first.params()).containsEntry("size", "16");
    assertThat(first.primaryMetric().scoreUnit()).isEqualTo("us/op");
    assertThat(first.primaryMetric().samples()).hasSize(4);
    assertThat(first.secondaryMetrics()).containsKey("calls");
    assertSameJson(file, results);
  }

  @Test
  void keepsSampleTimeHistogramsThroughARoundTrip(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sampled.json");
    new Runner(
            new OptionsBuilder()
                .include(TinyBenchmark.class.getName() + ".sampled")
                .param("size", "16")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(2)
                .measurementTime(TimeValue.milliseconds(20))
                .resultFormat(ResultFormatType.JSON)
                .result(file.toString())
                .build())
        .run();

    List<BenchmarkResult> results = new JmhJsonReader().read(file);

    assertThat(results.get(0).mode()).isEqualTo("sample");
    assertThat(results.get(0).primaryMetric().extra()).containsKey("rawDataHistogram");
    assertThat(results.get(0).primaryMetric().rawData()).isEmpty();
    assertSameJson(file, results);
    // Compared per iteration: the histogram's weighted mean of each of the 2 iterations.
    double[] iterationMeans = JmhSamples.of(results.get(0).primaryMetric());
    assertThat(iterationMeans).hasSize(2);
    var p = results.get(0).primaryMetric().scorePercentiles();
    for (double mean : iterationMeans) {
      assertThat(mean).isBetween(p.get("0.0"), p.get("100.0"));
    }
  }

  @Test
  void roundTripsCapturedMultiForkFixture() throws Exception {
    Path file = Path.of("src/test/resources/jmh/real-jmh-1.37-two-forks.json");
    List<BenchmarkResult> results = new JmhJsonReader().read(file);

    assertThat(results).isNotEmpty();
    assertThat(results.get(0).forks()).isEqualTo(2);
    assertThat(results.get(0).primaryMetric().rawData()).hasSize(2);
    assertSameJson(file, results);
  }

  @Test
  void ourSummaryOfJmhRawDataMatchesJmhsOwn() throws Exception {
    Path file = Path.of("src/test/resources/jmh/real-jmh-1.37-two-forks.json");
    for (BenchmarkResult r : new JmhJsonReader().read(file)) {
      var jmh = r.primaryMetric();
      var ours = JmhMetrics.fromRaw(jmh.scoreUnit(), jmh.rawData());
      // To the bit: JmhStatistics sums as JMH does, so optbench's files equal JMH's.
      assertThat(ours.score()).isEqualTo(jmh.score());
      assertThat(ours.scoreError()).isEqualTo(jmh.scoreError());
      assertThat(ours.scoreConfidence()).isEqualTo(jmh.scoreConfidence());
      assertThat(ours.scorePercentiles()).isEqualTo(jmh.scorePercentiles());
    }
  }

  private static void assertSameJson(Path original, List<BenchmarkResult> results)
      throws Exception {
    StringWriter out = new StringWriter();
    new JmhJsonWriter().write(results, out);
    String jmhText = Files.readString(original);
    JsonNode expected = MAPPER.readTree(jmhText);
    JsonNode actual = MAPPER.readTree(out.toString());
    assertThat(actual).isEqualTo(expected);
    if (!jmhText.contains("rawDataHistogram")) {
      // Not only the same JSON: the same bytes, so diffs between JMH's and our files stay empty.
      // (SampleTime histograms are the exception: JMH keeps each [value, count] pair on one line.)
      assertThat(out.toString()).isEqualTo(jmhText);
    }
  }
}
