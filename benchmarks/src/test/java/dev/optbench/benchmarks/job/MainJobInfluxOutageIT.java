package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.harness.testing.PrivateInfluxd;
import dev.optbench.harness.testing.Services;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * InfluxDB down across two whole trials, then back (issue 11: 123 of 262 points per measurement
 * arrived, 1529 lines stayed in spool files, and the run said "complete"). The main job retries the
 * trials' spools after every trial: at the end every point of the .lp files is in InfluxDB exactly
 * once and no spool is left. A private influxd, so stopping it breaks no one else's tests.
 */
class MainJobInfluxOutageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test
  void anOutageAcrossTwoTrialsLosesNoPointAndDuplicatesNone() throws Exception {
    Services.dockerHost();
    Path influxDir = Files.createDirectories(tmp.resolve("influx"));
    Path jobDir = Files.createDirectories(tmp.resolve("job"));
    try (PrivateInfluxd influx = new PrivateInfluxd(influxDir)) {
      influx.start();
      String db = "outage" + System.nanoTime();
      Path workload =
          TestWorkloads.write(
              jobDir.resolve("w.json"),
              List.of(TestWorkloads.encode("a", 1), TestWorkloads.encode("b", 1)));
      Path log = jobDir.resolve("out.log");
      Process p =
          BenchmarksJar.start(
              jobDir,
              log,
              List.of(),
              List.of(
                  "--order",
                  "jmh",
                  "--variants",
                  "O0,O2",
                  "--workload",
                  workload.toString(),
                  "--runtime",
                  "docker",
                  "--influx",
                  influx.url(),
                  "--influx-db",
                  db,
                  "-f",
                  "1",
                  "-wi",
                  "0",
                  "-i",
                  "3"));

      awaitLine(p, log, "[1/4]");
      influx.stop(); // down for trials 1 and 2
      awaitLine(p, log, "[3/4]");
      influx.start();
      assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
      String out = BenchmarksJar.output(log);
      assertThat(p.exitValue()).as(out).isZero();

      Path run = BenchmarksJar.runFolder(jobDir.resolve("optbench-results"));
      assertThat(RunStatus.read(run.resolve("run.json")).status()).isEqualTo(RunStatus.COMPLETE);
      Map<String, Long> written = linesPerMeasurement(run.resolve("samples"));
      assertThat(written.values().stream().mapToLong(Long::longValue).sum())
          .as("points written in trials 1 and 2 went through the spool")
          .isGreaterThan(100);
      try (Stream<Path> files = Files.list(run.resolve("samples"))) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .as("nothing left to replay")
            .noneMatch(n -> n.endsWith(".spool"));
      }
      String runId = run.getFileName().toString();
      assertThat(pointsPerMeasurement(influx.url(), db, runId))
          .as("every point in InfluxDB exactly once")
          .isEqualTo(written);
    }
  }

  /** Line-protocol lines per measurement over the run's .lp files (the ground truth). */
  private static Map<String, Long> linesPerMeasurement(Path samples) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (Stream<Path> files = Files.list(samples)) {
      for (Path lp : files.filter(f -> f.toString().endsWith(".lp")).toList()) {
        for (String line : Files.readAllLines(lp, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            counts.merge(line.split("[, ]", 2)[0], 1L, Long::sum);
          }
        }
      }
    }
    return counts;
  }

  private static Map<String, Long> pointsPerMeasurement(String url, String db, String runId)
      throws Exception {
    String q = "SELECT count(\"value\") FROM /.*/ WHERE \"run_id\" = '" + runId + "'";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    url + "/query?db=" + db + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30))
            .build();
    String body =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    Map<String, Long> counts = new TreeMap<>();
    for (JsonNode series : JSON.readTree(body).path("results").path(0).path("series")) {
      counts.put(series.path("name").asText(), series.path("values").path(0).path(1).asLong());
    }
    return counts;
  }

  private static void awaitLine(Process p, Path log, String text) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    while (Instant.now().isBefore(deadline)) {
      String out = BenchmarksJar.output(log);
      if (out.contains(text)) {
        return;
      }
      assertThat(p.isAlive()).as(out).isTrue();
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new AssertionError("never printed " + text + ":\n" + BenchmarksJar.output(log));
  }
}
