package dev.optbench.harness.metrics.sink;

import static dev.optbench.harness.metrics.MetricSchema.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.metrics.Sample;
import dev.optbench.harness.testing.CapturedStderr;
import dev.optbench.harness.testing.InfluxTestDatabase;
import dev.optbench.harness.testing.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real InfluxDB 1.x from services.sh; each test in a database of its own. */
class InfluxDbSinkIT {
  @TempDir Path dir;
  private InfluxTestDatabase db;
  private String url;

  @BeforeEach
  void database() {
    url = Services.influxUrl();
    db = new InfluxTestDatabase(url);
  }

  @AfterEach
  void drop() {
    if (db != null) { // null when set-up skipped the test for want of InfluxDB
      db.close();
    }
  }

  private InfluxSettings settings(String userInfo) {
    return InfluxSettings.of(url.replace("http://", "http://" + userInfo), db.name(), Map.of());
  }

  /** n samples per measurement, one per millisecond, tagged with the schema's tags. */
  static List<Sample> samples(int n, long start, String variant) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> tags =
        Map.of(
            TAG_CONTAINER,
            "ffmpeg-" + variant,
            TAG_MACHINE,
            "bench1",
            TAG_VARIANT,
            variant,
            TAG_RUN_ID,
            "r1");
    for (int i = 0; i < n; i++) {
      samples.add(new Sample(CPU_USAGE_TOTAL, start + i * 1_000_000L, i * 1e6, tags));
      samples.add(new Sample(MEMORY_USAGE, start + i * 1_000_000L, 4096 + i, tags));
    }
    return samples;
  }

  @Test
  void storesEverySampleOnceWithItsTags() throws Exception {
    long start = 1_764_043_200_000_000_000L;
    List<Sample> all = samples(5000, start, "O2");
    String log =
        CapturedStderr.during(
            () -> {
              try (InfluxDbSink sink =
                  new InfluxDbSink(settings("bench:hunter2@"), dir.resolve("spool.lp"))) {
                for (int i = 0; i < all.size(); i += 500) {
                  sink.accept(all.subList(i, i + 500));
                }
                sink.accept(samples(7, start, "O3"));
              }
            });
    assertThat(db.count(CPU_USAGE_TOTAL, "\"variant\" = 'O2'")).isEqualTo(5000);
    assertThat(db.count(MEMORY_USAGE, "\"variant\" = 'O2'")).isEqualTo(5000);
    assertThat(db.count(CPU_USAGE_TOTAL, "\"variant\" = 'O3'")).isEqualTo(7);
    assertThat(db.count(CPU_USAGE_TOTAL, "")).isEqualTo(5007);
    List<List<Object>> last =
        db.rows(
            "SELECT \"value\", \"container_name\", \"machine\", \"run_id\" FROM \"cpu_usage_total\""
                + " WHERE \"variant\" = 'O2' ORDER BY time DESC LIMIT 1");
    assertThat(last.get(0).subList(1, 5)).containsExactly(4999e6, "ffmpeg-O2", "bench1", "r1");
    assertThat(dir.resolve("spool.lp")).doesNotExist();
    assertThat(log).doesNotContain("hunter2");
  }

  @Test
  void connectivityCheckPassesForARunningInfluxDb() throws Exception {
    InfluxConnectivity.check(settings(""));
  }

  @Test
  void escapedNamesAndTagValuesComeBackIntact() throws Exception {
    try (InfluxDbSink sink = new InfluxDbSink(settings(""), dir.resolve("spool.lp"))) {
      sink.accept(LineProtocolTest.goldenSamples());
    }
    assertThat(db.rows("SELECT \"value\", \"variant\" FROM \"memory_usage\"").get(0))
        .containsExactly(
            "2025-11-25T04:00:00.12345679Z" /* ns kept; RFC 3339 drops the trailing 0 */,
            0.25,
            "O3 -march=native");
    assertThat(
            db.rows("SELECT \"value\", \"unit\" FROM \"weird measurement,name\"")
                .get(0)
                .subList(1, 3))
        .containsExactly(1e20, "scale=640:360,fps=30");
    assertThat(db.rows("SELECT \"value\", \"run_id\" FROM \"memory_rss\"").get(0).subList(1, 3))
        .containsExactly(-7.0, "a=b");
    assertThat(db.count("fs_read_bytes", "")).isEqualTo(1);
  }

  @Test
  void pointsInfluxDbRefusesAreSetAsideAndTheRestDelivered() throws Exception {
    long start = 1_764_043_200_000_000_000L;
    // Makes "value" an integer field in that shard (same week): our float points conflict.
    db.write("memory_usage value=1i " + (start - 1));
    try (InfluxDbSink sink = new InfluxDbSink(settings(""), dir.resolve("spool.lp"))) {
      sink.accept(samples(10, start, "O2")); // 10 cpu (fine) + 10 memory (conflict) in one request
      sink.flush();
      sink.accept(
          samples(5, start + 1_000_000_000L, "O3").stream()
              .filter(s -> s.measurement().equals(CPU_USAGE_TOTAL))
              .toList());
    }
    assertThat(db.count(CPU_USAGE_TOTAL, ""))
        .as("partial write keeps the valid points")
        .isEqualTo(15);
    assertThat(Files.readAllLines(dir.resolve("spool.lp.rejected"))).hasSize(20);
    assertThat(dir.resolve("spool.lp")).doesNotExist();
  }

  @Test
  void spoolWrittenWhileUnreachableReplaysExactlyOnce() throws Exception {
    int closed = InfluxDbSinkOfflineTest.closedPort();
    Path spool = dir.resolve("spool.lp");
    InfluxSettings offline = InfluxSettings.of("http://127.0.0.1:" + closed, db.name(), Map.of());
    String log =
        CapturedStderr.during(
            () -> {
              try (InfluxDbSink sink =
                  new InfluxDbSink(
                      offline,
                      spool,
                      Duration.ofSeconds(1),
                      Duration.ofMillis(100),
                      Duration.ofSeconds(10))) {
                sink.accept(samples(1000, 1_764_043_200_000_000_000L, "O2"));
                sink.accept(samples(234, 1_764_043_300_000_000_000L, "O2"));
              }
            });
    assertThat(log).contains("Replay them when InfluxDB is up with: java -cp ");
    assertThat(Files.readAllLines(spool)).hasSize(2468);
    assertThat(db.count(CPU_USAGE_TOTAL, "")).isZero();

    InfluxSettings online = settings("");
    assertThat(SpoolReplayer.replay(spool, online)).isEqualTo(2468);
    assertThat(db.count(CPU_USAGE_TOTAL, "")).isEqualTo(1234);
    assertThat(db.count(MEMORY_USAGE, "")).isEqualTo(1234);

    // Running the replay command twice stores nothing twice.
    Files.copy(dir.resolve("spool.lp.replayed"), spool);
    SpoolReplayer.replay(spool, online);
    assertThat(db.count(CPU_USAGE_TOTAL, "")).isEqualTo(1234);
  }
}
