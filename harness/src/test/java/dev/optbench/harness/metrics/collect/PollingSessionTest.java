package dev.optbench.harness.metrics.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.testing.Await;
import dev.optbench.harness.testing.CapturedStderr;
import dev.optbench.harness.testing.RecordingSink;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Failures other than "gone": tolerated for a while with one warning, then sampling stops. */
class PollingSessionTest {

  /** Fails the first {@code failures} reads, then reads fine. */
  static StatsSource failing(int failures, AtomicInteger reads) {
    return new StatsSource() {
      @Override
      public Optional<Reading> read() throws IOException {
        if (reads.incrementAndGet() <= failures) {
          throw new IOException("EIO");
        }
        return Optional.of(new Reading(EpochNanoClock.now(), Map.of("m", 1.0)));
      }

      @Override
      public String describe() {
        return "fake source";
      }
    };
  }

  @Test
  void keepsSamplingThroughAFewFailuresWithOneWarning() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    RecordingSink sink = new RecordingSink();
    String log =
        CapturedStderr.during(
            () -> {
              PollingSession session =
                  new PollingSession(
                      failing(5, reads),
                      Map.of(),
                      sink,
                      Duration.ofMillis(5),
                      1,
                      Duration.ofSeconds(10));
              Await.until(
                  "readings after the failures",
                  Duration.ofSeconds(10),
                  () -> sink.samples().size() >= 3);
              session.close();
            });
    assertThat(log.split("Reading fake source failed", -1)).hasSize(2);
  }

  @Test
  void stopsWithOneMoreWarningWhenFailuresGoOn() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    RecordingSink sink = new RecordingSink();
    String log =
        CapturedStderr.during(
            () -> {
              PollingSession session =
                  new PollingSession(
                      failing(Integer.MAX_VALUE, reads),
                      Map.of(),
                      sink,
                      Duration.ofMillis(5),
                      1,
                      Duration.ofMillis(50));
              Await.until("giving up", Duration.ofSeconds(10), () -> reads.get() >= 10);
              Thread.sleep(100);
              int after = reads.get();
              Thread.sleep(100);
              assertThat(reads.get()).as("no reads after giving up").isEqualTo(after);
              session.close();
            });
    assertThat(log).contains("failed 10 times in a row; sampling stops");
    assertThat(sink.samples()).isEmpty();
  }
}
