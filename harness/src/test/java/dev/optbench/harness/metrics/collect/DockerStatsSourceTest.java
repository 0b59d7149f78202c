package dev.optbench.harness.metrics.collect;

import static dev.optbench.harness.metrics.MetricSchema.CPU_USAGE_TOTAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Statistics;
import dev.optbench.harness.testing.RecordingSink;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stream's life as the polling session sees it, fed by hand where the engine would call back:
 * each entry read once, the normal end after removal, a broken stream reopened and counted as a
 * failure until the new one delivers.
 */
class DockerStatsSourceTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final List<ResultCallback<Statistics>> opened = new ArrayList<>();
  private final DockerStatsSource source = new DockerStatsSource(opened::add, "c0ffee", "b");

  private static Statistics entry(String read, long cpuNanos) throws IOException {
    return JSON.readValue(
        "{\"read\":\""
            + read
            + "\",\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":"
            + cpuNanos
            + "}},\"memory_stats\":{}}",
        Statistics.class);
  }

  private ResultCallback<Statistics> stream() {
    return opened.get(opened.size() - 1);
  }

  @Test
  void eachEntryIsReadOnceAtTheEnginesTime() throws Exception {
    assertThat(opened).hasSize(1);
    assertThat(source.read()).as("nothing sent yet").isEmpty();

    stream().onNext(entry("2026-12-07T16:00:01.000000001Z", 5));
    Reading first = source.read().orElseThrow();
    assertThat(first.values()).containsEntry(CPU_USAGE_TOTAL, 5.0);
    assertThat(first.epochNanos() % 1_000_000_000L).isEqualTo(1);
    assertThat(source.read()).as("the same entry again, polled 100 ms later").isEmpty();

    stream().onNext(entry("2026-12-07T16:00:02.000000001Z", 9));
    assertThat(source.read().orElseThrow().values()).containsEntry(CPU_USAGE_TOTAL, 9.0);
  }

  @Test
  void theStreamEndingAfterEntriesIsTheContainerGoneBeforeAnyAFailure() throws Exception {
    stream().onNext(entry("2026-12-07T16:00:01Z", 5));
    source.read();
    stream().onComplete();
    assertThatThrownBy(source::read).isInstanceOf(SourceGoneException.class);

    DockerStatsSource never = new DockerStatsSource(opened::add, "dead", "b");
    stream().onComplete();
    assertThatThrownBy(never::read)
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(SourceGoneException.class)
        .hasMessageContaining("ended before any entry");
  }

  /**
   * The engine publishes to a new stream on its next tick, up to a second later: a sandbox closed
   * sooner (three tiny units) still gets its one point, because the session's last read waits for
   * it.
   */
  @Test
  void aSessionClosedBeforeTheEnginesFirstTickStillWritesThatEntry() throws Exception {
    RecordingSink sink = new RecordingSink();
    PollingSession session =
        new PollingSession(source, Map.of("engine", "b"), sink, Duration.ofMillis(100), 2);
    Thread engineTick =
        new Thread(
            () -> {
              try {
                Thread.sleep(400);
                stream().onNext(entry("2026-12-07T16:00:01Z", 7));
              } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
              }
            });
    engineTick.start();
    session.close(); // at once: no poll has seen an entry yet
    engineTick.join();
    assertThat(sink.samples())
        .filteredOn(s -> s.measurement().equals(CPU_USAGE_TOTAL))
        .singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo(7.0))
        .satisfies(s -> assertThat(s.tags()).containsEntry("engine", "b"));
  }

  @Test
  void theLastReadDoesNotWaitForAStreamThatEndedOrAnEntryAlreadyRead() throws Exception {
    stream().onNext(entry("2026-12-07T16:00:01Z", 5));
    source.read();
    long start = System.nanoTime();
    assertThat(source.finalRead()).as("nothing new since").isEmpty();
    DockerStatsSource ended = new DockerStatsSource(opened::add, "dead", "b");
    stream().onComplete();
    assertThatThrownBy(ended::finalRead).hasMessageContaining("ended before any entry");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(DockerStatsSource.FIRST_ENTRY_WAIT);
  }

  @Test
  void notFoundAfterEntriesIsTheContainerGone() throws Exception {
    stream().onNext(entry("2026-12-07T16:00:01Z", 5));
    source.read();
    stream().onError(new NotFoundException("No such container: c0ffee"));
    assertThatThrownBy(source::read).isInstanceOf(SourceGoneException.class);
  }

  @Test
  void aBrokenStreamIsReopenedAndCountsAsFailingUntilTheNewOneDelivers() throws Exception {
    stream().onNext(entry("2026-12-07T16:00:01Z", 5));
    source.read();
    Thread.sleep(1100); // a stream is reopened at most once a second
    stream().onError(new IOException("connection reset"));

    assertThatThrownBy(source::read).isInstanceOf(IOException.class).hasMessageContaining("reset");
    assertThat(opened).as("a new stream").hasSize(2);
    assertThatThrownBy(source::read)
        .as("the new stream has sent nothing yet: still a failure, so failures add up")
        .isInstanceOf(IOException.class);
    assertThat(opened).as("not reopened again within the second").hasSize(2);

    stream().onNext(entry("2026-12-07T16:00:03Z", 12));
    assertThat(source.read().orElseThrow().values()).containsEntry(CPU_USAGE_TOTAL, 12.0);
    assertThat(source.read()).as("healthy again").isEmpty();
  }
}
