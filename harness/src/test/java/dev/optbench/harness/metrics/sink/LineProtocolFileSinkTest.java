package dev.optbench.harness.metrics.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.harness.metrics.MetricsSink;
import dev.optbench.harness.metrics.Sample;
import dev.optbench.harness.testing.RecordingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineProtocolFileSinkTest {
  @TempDir Path dir;

  @Test
  void writesToPartialAndRenamesOnClose() throws IOException {
    Path file = dir.resolve("run/samples.lp");
    LineProtocolFileSink sink = new LineProtocolFileSink(file);
    List<Sample> samples = LineProtocolTest.goldenSamples();
    sink.accept(samples.subList(0, 3));
    // Readable while running, under the .partial name only.
    assertThat(file).doesNotExist();
    assertThat(Files.readAllLines(dir.resolve("run/samples.lp.partial"))).hasSize(3);
    sink.accept(samples.subList(3, samples.size()));
    sink.close();
    sink.close();
    assertThat(dir.resolve("run/samples.lp.partial")).doesNotExist();
    assertThat(Files.readString(file)).isEqualTo(LineProtocolTest.golden());
    assertThatThrownBy(() -> sink.accept(samples)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void compositeFeedsEverySinkEvenWhenOneFails() throws IOException {
    RecordingSink first = new RecordingSink();
    RecordingSink last = new RecordingSink();
    MetricsSink broken =
        new MetricsSink() {
          @Override
          public void accept(List<Sample> batch) {
            throw new IllegalStateException("disk full");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    CompositeSink composite = new CompositeSink(List.of(first, broken, last));
    List<Sample> batch = LineProtocolTest.goldenSamples();
    assertThatThrownBy(() -> composite.accept(batch)).hasMessage("disk full");
    assertThat(first.samples()).isEqualTo(batch);
    assertThat(last.samples()).isEqualTo(batch);
    composite.close();
    assertThat(first.closed()).isTrue();
    assertThat(last.closed()).isTrue();
  }
}
