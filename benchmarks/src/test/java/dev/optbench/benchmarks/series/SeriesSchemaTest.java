package dev.optbench.benchmarks.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.metrics.Sample;
import dev.optbench.harness.metrics.sink.LineProtocolFileSink;
import dev.optbench.results.series.LinePoint;
import dev.optbench.results.series.LineProtocolReader;
import dev.optbench.results.series.ResourceSeries;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * results reads the series harness writes, but may not depend on harness; so it re-declares the
 * names it needs. This test (benchmarks sees both modules) ties them to {@link MetricSchema} and
 * reads back what the harness's own sink wrote.
 */
class SeriesSchemaTest {
  @TempDir Path dir;

  @Test
  void resultsNamesAreTheSchemasNames() {
    assertThat(ResourceSeries.CPU_TOTAL).isEqualTo(MetricSchema.CPU_USAGE_TOTAL);
    assertThat(ResourceSeries.MEMORY_USAGE).isEqualTo(MetricSchema.MEMORY_USAGE);
    assertThat(ResourceSeries.VARIANT).isEqualTo(MetricSchema.TAG_VARIANT);
    assertThat(ResourceSeries.CONTAINER).isEqualTo(MetricSchema.TAG_CONTAINER);
    assertThat(MetricSchema.MEASUREMENTS)
        .contains(ResourceSeries.CPU_TOTAL, ResourceSeries.MEMORY_USAGE);
  }

  @Test
  void theReportChartsWhatTheHarnessSinkWrote() throws Exception {
    Map<String, String> tags =
        Map.of(MetricSchema.TAG_VARIANT, "O2", MetricSchema.TAG_CONTAINER, "c1");
    long t0 = 1_700_000_000_000_000_000L;
    Path file = dir.resolve("O2-u1.lp");
    try (LineProtocolFileSink sink = new LineProtocolFileSink(file)) {
      sink.accept(
          List.of(
              new Sample(MetricSchema.CPU_USAGE_TOTAL, t0, 0, tags),
              new Sample(MetricSchema.CPU_USAGE_TOTAL, t0 + 1_000_000_000L, 5e8, tags),
              new Sample(MetricSchema.MEMORY_USAGE, t0, 8 << 20, tags)));
    }
    List<LinePoint> points = new LineProtocolReader().read(file);
    assertThat(ResourceSeries.cpuPercent(points).get("O2"))
        .singleElement()
        .satisfies(p -> assertThat(p.value()).isCloseTo(50.0, within(1e-6)));
    assertThat(ResourceSeries.memoryMiB(points).get("O2").get(0).value()).isEqualTo(8.0);
  }
}
