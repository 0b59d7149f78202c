package dev.optbench.benchmarks.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.harness.testing.Services;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stack up|down|status} against an engine that connects and then stops answering: each
 * command ends within its bound with one sentence, and {@code up} stops the real local influxd it
 * had started before the engine hung.
 */
class StackStuckEngineIT {
  private static final Duration BOUND = Duration.ofSeconds(2);

  @TempDir Path dir;

  private final StringWriter text = new StringWriter();
  private Path influxd;

  @BeforeEach
  void influxd() {
    influxd =
        LocalInfluxd.find("influxd", System.getenv())
            .orElseGet(
                () -> {
                  Services.missing("influxd (apt-get install influxdb)");
                  return Path.of("influxd");
                });
  }

  private Stack stack(Path socket) {
    return new Stack(
        dir.resolve("stack"),
        StackImages.DEFAULT,
        influxd.toString(),
        Map.of("DOCKER_HOST", "unix://" + socket, "PATH", ""),
        new PrintWriter(text, true),
        BOUND);
  }

  @Test
  void upStopsTheInfluxdItStartedWhenTheEngineHangsLater() throws Exception {
    Path socket = dir.resolve("engine.sock");
    // No InfluxDB image (404), so a local influxd starts; then the engine hangs on Grafana's image.
    try (HangingEngine engine = new HangingEngine(socket, r -> r.contains("/images/grafana"))) {
      Stack stack = stack(socket);
      long start = System.nanoTime();
      assertThatThrownBy(stack::up)
          .isInstanceOf(Stack.Failure.class)
          .hasMessageMatching(
              "cannot start the stack: the Docker engine at unix://\\S+ did not answer within 2 s"
                  + " when asked to look up the image grafana/grafana:11.1.0; stopped again what it"
                  + " had started: InfluxDB \\(local influxd, pid \\d+\\)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(45));
      assertThat(text.toString()).contains("InfluxDB: started a local influxd");
      LocalInfluxd local = new LocalInfluxd(dir.resolve("stack/influxd"));
      assertThat(local.pid()).as("the influxd up started is stopped again").isEmpty();
      assertThat(engine.requests()).anyMatch(r -> r.contains("/images/grafana"));
    }
  }

  @Test
  void upWithAnEngineStuckFromTheFirstListingStartsNothing() throws Exception {
    Path socket = dir.resolve("engine.sock");
    try (HangingEngine engine = new HangingEngine(socket, r -> r.contains("/containers/json"))) {
      assertThatThrownBy(() -> stack(socket).up())
          .isInstanceOf(Stack.Failure.class)
          .hasMessageEndingWith(
              "did not answer within 2 s when asked to list the InfluxDB container; nothing had"
                  + " been started");
      assertThat(dir.resolve("stack/influxd")).doesNotExist();
      assertThat(engine.requests()).anyMatch(r -> r.contains("/containers/json"));
    }
  }

  @Test
  void downAndStatusSayTheEngineHangsAndEndInTime() throws Exception {
    Path socket = dir.resolve("engine.sock");
    try (HangingEngine engine = new HangingEngine(socket, r -> r.contains("/containers/json"))) {
      assertThatThrownBy(() -> stack(socket).down())
          .isInstanceOf(Stack.Failure.class)
          .hasMessageMatching(
              "cannot stop the stack's containers: the Docker engine at unix://\\S+ did not"
                  + " answer within 2 s when asked to list the stack's containers");
      long start = System.nanoTime();
      assertThat(stack(socket).status()).allMatch(s -> s.state().equals(ComponentStatus.ABSENT));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
      assertThat(text.toString())
          .contains("did not answer within 2 s when asked to list the InfluxDB container");
      assertThat(engine.requests()).anyMatch(r -> r.contains("/containers/json"));
    }
  }

  @Test
  void anEngineThatHangsFromTheFirstByteIsGivenUpOn() throws Exception {
    Path socket = dir.resolve("engine.sock");
    try (HangingEngine engine = new HangingEngine(socket, r -> true)) {
      long start = System.nanoTime();
      assertThat(stack(socket).status()).allMatch(s -> s.state().equals(ComponentStatus.ABSENT));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
      assertThat(text.toString()).contains("no Docker engine answers at unix://" + socket);
      assertThat(engine.requests()).as("it was asked, and never answered").isNotEmpty();
    }
  }
}
