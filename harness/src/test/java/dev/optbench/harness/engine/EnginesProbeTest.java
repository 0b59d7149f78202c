package dev.optbench.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.optbench.harness.runtime.docker.TlsFiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An engine that answers ping and version, then hangs in {@code info}: the listing reports it
 * within the deadline instead of hanging. A fake on loopback, since a real dockerd cannot be made
 * to hang on cue.
 */
class EnginesProbeTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private void answer(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    if (path.endsWith("/info")) {
      try {
        release.await(); // hangs until the test is over
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] body =
        (path.endsWith("/_ping") ? "OK" : "{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\"}")
            .getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(200, body.length);
    x.getResponseBody().write(body);
    x.close();
  }

  @Test
  void anEngineThatHangsAfterConnectingIsReportedWithinTheDeadline() {
    String url = "tcp://127.0.0.1:" + server.getAddress().getPort();
    Engines engines = new Engines(List.of(new EngineSpec("slow", url, TlsFiles.NONE, Map.of())));
    long start = System.nanoTime();

    EngineStatus status = engines.probe(Duration.ofSeconds(2)).get(0);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(status.healthy()).isFalse();
    assertThat(status.problem())
        .isEqualTo(
            "engine slow: " + url + " accepted the connection but did not answer within 2 s");
  }
}
