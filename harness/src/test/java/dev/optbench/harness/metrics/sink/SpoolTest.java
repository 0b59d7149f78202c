package dev.optbench.harness.metrics.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
  @TempDir Path dir;

  /** Accepts chunks until told to fail, like InfluxDB going away mid-drain. */
  static final class FlakyWriter implements LineWriter {
    final List<String> written = new ArrayList<>();
    int chunksBeforeFailure = Integer.MAX_VALUE;

    @Override
    public void write(List<String> lines) throws IOException {
      if (chunksBeforeFailure-- <= 0) {
        throw new IOException("connection refused");
      }
      written.addAll(lines);
    }
  }

  private static List<String> lines(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "m,é=ü value=" + i + " " + i).toList();
  }

  @Test
  void deliversEverythingOnceAcrossAnInterruptedDrainThenRemovesTheFile() throws IOException {
    Spool spool = new Spool(dir.resolve("spool.lp"));
    spool.append(lines(0, 25));
    FlakyWriter writer = new FlakyWriter();
    writer.chunksBeforeFailure = 2;
    assertThatThrownBy(() -> spool.drain(writer, 10)).hasMessageContaining("refused");
    assertThat(writer.written).isEqualTo(lines(0, 20));

    spool.append(lines(25, 30));
    writer.chunksBeforeFailure = Integer.MAX_VALUE;
    assertThat(spool.drain(writer, 10)).isEqualTo(10);
    assertThat(writer.written).isEqualTo(lines(0, 30));
    assertThat(spool.hasPending()).isFalse();
    assertThat(dir.resolve("spool.lp")).doesNotExist();
  }

  @Test
  void compactionLeavesOnlyWhatWasNotDelivered() throws IOException {
    Spool spool = new Spool(dir.resolve("spool.lp"));
    spool.append(lines(0, 15));
    FlakyWriter writer = new FlakyWriter();
    writer.chunksBeforeFailure = 1;
    assertThatThrownBy(() -> spool.drain(writer, 10)).isInstanceOf(IOException.class);
    spool.compact();
    assertThat(Files.readAllLines(dir.resolve("spool.lp"))).isEqualTo(lines(10, 15));
  }

  @Test
  void setsAsideChunksTheBackendRefuses() throws IOException {
    Spool spool = new Spool(dir.resolve("spool.lp"));
    spool.append(lines(0, 3));
    assertThat(
            spool.drain(
                l -> {
                  throw new LineWriter.RejectedLinesException("field type conflict");
                },
                10))
        .isEqualTo(3);
    assertThat(Files.readAllLines(dir.resolve("spool.lp.rejected"))).isEqualTo(lines(0, 3));
    assertThat(spool.hasPending()).isFalse();
  }
}
