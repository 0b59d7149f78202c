package dev.optbench.harness.metrics.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.harness.metrics.Sample;
import dev.optbench.harness.testing.CapturedStderr;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** InfluxDB unreachable from the start: a closed port on 127.0.0.1. */
class InfluxDbSinkOfflineTest {
  @TempDir Path dir;

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void connectivityCheckSaysWhatIsWrongAndWhatToDo() throws IOException {
    int port = closedPort();
    InfluxSettings settings =
        InfluxSettings.of("http://bench:hunter2@127.0.0.1:" + port, "db", Map.of());
    assertThatThrownBy(() -> InfluxConnectivity.check(settings))
        .hasMessageStartingWith("InfluxDB at http://127.0.0.1:" + port + " does not answer /ping: ")
        .hasMessageMatching("(?s).*(?i:connect).*")
        .hasMessageEndingWith(". Start it or drop --influx")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void spoolsEverythingAndSaysHowToReplayWithoutLeakingThePassword() throws Exception {
    InfluxSettings settings =
        InfluxSettings.of("http://bench:hunter2@127.0.0.1:" + closedPort(), "db", Map.of());
    Path spool = dir.resolve("spool.lp");
    List<Sample> samples = LineProtocolTest.goldenSamples();
    InfluxDbSink sink =
        new InfluxDbSink(
            settings, spool, Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofSeconds(10));
    String log =
        CapturedStderr.during(
            () -> {
              sink.accept(samples.subList(0, 2));
              sink.accept(samples.subList(2, samples.size()));
              Thread.sleep(200); // a few failed retries
              sink.close();
            });
    assertThat(Files.readString(spool)).isEqualTo(LineProtocolTest.golden());
    assertThat(log)
        .contains("spooling to " + spool)
        .contains("kept in " + spool)
        .contains(SpoolReplayer.class.getName() + " " + settings.url() + " db " + spool)
        .doesNotContain("hunter2");
    assertThat(log.split("spooling to", -1)).as("one warning per outage").hasSize(2);
    assertThat(sink.toString()).doesNotContain("hunter2");
  }
}
