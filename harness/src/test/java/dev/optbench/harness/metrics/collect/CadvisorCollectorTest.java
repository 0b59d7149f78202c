package dev.optbench.harness.metrics.collect;

import static dev.optbench.harness.metrics.MetricSchema.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.optbench.harness.metrics.CollectorSession;
import dev.optbench.harness.metrics.MeasurementTarget;
import dev.optbench.harness.metrics.Sample;
import dev.optbench.harness.testing.Await;
import dev.optbench.harness.testing.RecordingSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a tiny HTTP server on 127.0.0.1 serving the hand-made responses in /cadvisor. */
class CadvisorCollectorTest {
  private static final String ID =
      "3f9c2a1b7e5d4c6a8b0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3";

  private HttpServer server;
  private final AtomicReference<String> serving = new AtomicReference<>("stats-1.json");
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private MeasurementTarget target;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v2.0/stats/", this::answer);
    server.start();
    target = new MeasurementTarget("ffmpeg-O2", Optional.of(ID), Map.of());
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestURI().toString());
    String name = serving.get();
    byte[] body;
    try (InputStream in = getClass().getResourceAsStream("/cadvisor/" + name)) {
      body = in.readAllBytes();
    }
    exchange.sendResponseHeaders(name.endsWith(".json") ? 200 : 500, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void mapsContainerStatsToSchemaSamplesOncePerCadvisorTimestamp() throws Exception {
    RecordingSink sink = new RecordingSink();
    CollectorSession session =
        new CadvisorCollector(base(), 1)
            .attach(
                target, Duration.ofMillis(20), sink, Map.of(TAG_MACHINE, "m1", TAG_VARIANT, "O2"));
    Await.until(
        "first reading", Duration.ofSeconds(10), () -> sink.samples(CPU_USAGE_TOTAL).size() == 1);
    int pollsBefore = requests.size();
    Await.until("repeated polls", Duration.ofSeconds(10), () -> requests.size() > pollsBefore + 3);
    serving.set("stats-2.json");
    Await.until(
        "second reading", Duration.ofSeconds(10), () -> sink.samples(CPU_USAGE_TOTAL).size() >= 2);
    int pollsAfter = requests.size();
    Await.until("repeated polls", Duration.ofSeconds(10), () -> requests.size() > pollsAfter + 3);
    session.close();

    assertThat(requests.get(0)).isEqualTo("/api/v2.0/stats/" + ID + "?type=docker&count=1");
    // Twenty polls, two distinct cAdvisor readings: each written once.
    List<Sample> cpu = sink.samples(CPU_USAGE_TOTAL);
    assertThat(cpu).extracting(Sample::value).containsExactly(1523456789.0, 2498765432.0);
    assertThat(cpu.get(0).epochNanos())
        .isEqualTo(
            Instant.parse("2026-11-25T04:10:01.123456789Z").getEpochSecond() * 1_000_000_000L
                + 123456789);
    assertThat(cpu.get(0).tags())
        .containsEntry(TAG_CONTAINER, "ffmpeg-O2")
        .containsEntry(TAG_MACHINE, "m1")
        .containsEntry(TAG_VARIANT, "O2");
    Map<String, Double> second =
        sink.samples().stream()
            .filter(s -> s.epochNanos() == cpu.get(1).epochNanos())
            .collect(java.util.stream.Collectors.toMap(Sample::measurement, Sample::value));
    assertThat(second)
        .containsEntry(CPU_USAGE_USER, 2e9)
        .containsEntry(CPU_USAGE_SYSTEM, 4.5e8)
        .containsEntry(MEMORY_USAGE, 104857600.0)
        .containsEntry(MEMORY_WORKING_SET, 98304000.0)
        .containsEntry(MEMORY_RSS, 98304000.0 - 1048576)
        .containsEntry(MEMORY_CACHE, 104857600.0 - 98304000 + 1048576)
        .containsEntry(MEMORY_MAX_USAGE, 110100480.0)
        .containsEntry(MEMORY_FAILCNT, 0.0)
        .containsEntry(FS_READ_BYTES, 8192.0)
        .containsEntry(FS_WRITE_BYTES, 1056768.0);
  }

  @Test
  void endsQuietlyWhenCadvisorNoLongerKnowsTheContainer() throws Exception {
    RecordingSink sink = new RecordingSink();
    CollectorSession session =
        new CadvisorCollector(base(), 100).attach(target, Duration.ofMillis(20), sink, Map.of());
    Await.until("two polls", Duration.ofSeconds(10), () -> requests.size() >= 2);
    assertThat(sink.samples()).as("buffered until the batch is full").isEmpty();
    serving.set("unknown-container.txt");
    int polls = requests.size();
    Await.until(
        "a poll of the removed container", Duration.ofSeconds(10), () -> requests.size() > polls);
    Thread.sleep(300); // 15 intervals
    assertThat(requests.size())
        .as("no polling after the container is gone")
        .isLessThanOrEqualTo(polls + 2);
    assertThat(sink.samples(CPU_USAGE_TOTAL)).as("handed over when the source went").hasSize(1);
    session.close();
  }
}
