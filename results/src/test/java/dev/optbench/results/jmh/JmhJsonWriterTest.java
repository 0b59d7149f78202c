package dev.optbench.results.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.results.Golden;
import dev.optbench.results.model.BenchmarkResult;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JmhJsonWriterTest {

  static List<BenchmarkResult> optbenchResults() {
    return List.of(
        new BenchmarkResultBuilder("ffmpeg.scale_1080p")
            .param("variant", "O2")
            .warmupIterations(1)
            .primary("s/op", List.of(List.of(1.25, 1.5, 1.375), List.of(1.3125, 1.4375)))
            .secondary("cpu", "s", List.of(List.of(2.5, 2.75, 2.625), List.of(2.5, 2.875)))
            .secondary("peakMemory", "bytes", List.of(List.of(1.048576e8), List.of(1.1e8)))
            .build(),
        new BenchmarkResultBuilder("ffmpeg.single_run")
            .primary("s/op", List.of(List.of(0.5)))
            .build());
  }

  @Test
  void writesJmhShapeIdenticallyUnderEveryLocale() throws Exception {
    Golden.assertMatches("jmh/optbench-results.json", () -> render(optbenchResults()));
  }

  @Test
  void writtenFileReadsBackToTheSameModel() throws Exception {
    List<BenchmarkResult> original = optbenchResults();
    String json = render(original);

    List<BenchmarkResult> back =
        new JmhJsonReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

    // NaN != NaN in records holding doubles, so compare the re-rendered text instead.
    assertThat(render(back)).isEqualTo(json);
    assertThat(back.get(0).primaryMetric().rawData()).hasSize(2);
    assertThat(back.get(1).primaryMetric().scoreError()).isNaN();
    assertThat(json).contains("\"scoreError\" : \"NaN\"");
  }

  @Test
  void scoreErrorIsJmhsStudentTHalfWidth() {
    BenchmarkResult r = optbenchResults().get(0);
    // 5 values, mean 1.375, sd 0.0988212, t(0.9995, df=4) = 8.610302
    assertThat(r.primaryMetric().score()).isEqualTo(1.375);
    assertThat(r.primaryMetric().scoreError())
        .isCloseTo(8.610302 * 0.0988212 / Math.sqrt(5), org.assertj.core.data.Offset.offset(1e-5));
    assertThat(r.forks()).isEqualTo(2);
    assertThat(r.measurementIterations()).isEqualTo(3);
  }

  private static String render(List<BenchmarkResult> results) throws Exception {
    StringWriter out = new StringWriter();
    new JmhJsonWriter().write(results, out);
    return out.toString();
  }
}
