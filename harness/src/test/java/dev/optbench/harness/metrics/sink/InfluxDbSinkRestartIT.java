package dev.optbench.harness.metrics.sink;

import static dev.optbench.harness.metrics.MetricSchema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.metrics.Sample;
import dev.optbench.harness.metrics.collect.EpochNanoClock;
import dev.optbench.harness.testing.CapturedStderr;
import dev.optbench.harness.testing.InfluxTestDatabase;
import dev.optbench.harness.testing.PrivateInfluxd;
import dev.optbench.harness.testing.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * InfluxDB stops for a few seconds in the middle of a run and comes back: every sample must end up
 * in the database exactly once. Uses an influxd of its own (see {@link PrivateInfluxd}).
 */
class InfluxDbSinkRestartIT {
  @TempDir Path dir;

  @Test
  void everySampleExactlyOnceAcrossARestart() throws Exception {
    Services.influxUrl(); // skip (or fail in CI) when there is no InfluxDB setup at all
    PrivateInfluxd influxd = new PrivateInfluxd(Files.createDirectories(dir.resolve("influxd")));
    try {
      influxd.start();
      try (InfluxTestDatabase db = new InfluxTestDatabase(influxd.url())) {
        InfluxSettings settings = InfluxSettings.of(influxd.url(), db.name(), Map.of());
        Path spool = dir.resolve("spool.lp");
        AtomicLong produced = new AtomicLong();
        AtomicBoolean producing = new AtomicBoolean(true);
        String log =
            CapturedStderr.during(
                () -> {
                  InfluxDbSink sink =
                      new InfluxDbSink(
                          settings,
                          spool,
                          Duration.ofSeconds(2),
                          Duration.ofMillis(250),
                          Duration.ofSeconds(60));
                  // Like a collector at 100 ms with 10 metrics, five times over: 500 points/s.
                  Thread producer =
                      new Thread(
                          () -> {
                            while (producing.get()) {
                              List<Sample> batch = new ArrayList<>();
                              for (int i = 0; i < 10; i++) {
                                batch.add(
                                    new Sample(
                                        CPU_USAGE_TOTAL,
                                        EpochNanoClock.now(),
                                        i,
                                        Map.of(TAG_CONTAINER, "c", TAG_VARIANT, "O2")));
                              }
                              sink.accept(batch);
                              produced.addAndGet(batch.size());
                              try {
                                Thread.sleep(20);
                              } catch (InterruptedException e) {
                                return;
                              }
                            }
                          });
                  producer.start();
                  Thread.sleep(2000);
                  influxd.stop();
                  Thread.sleep(3000);
                  influxd.start();
                  Thread.sleep(2000);
                  producing.set(false);
                  producer.join();
                  sink.close();
                });
        assertThat(log).contains("spooling to " + spool).contains("answers again");
        assertThat(produced.get()).isGreaterThan(2000);
        assertThat(db.count(CPU_USAGE_TOTAL, "")).isEqualTo(produced.get());
        assertThat(spool).doesNotExist();
      }
    } finally {
      influxd.close();
    }
  }
}
