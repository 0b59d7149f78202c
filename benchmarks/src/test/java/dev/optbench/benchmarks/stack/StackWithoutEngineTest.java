package dev.optbench.benchmarks.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No Docker engine answers and no influxd exists: nothing starts, and each command says why. */
class StackWithoutEngineTest {
  @TempDir Path dir;

  private final StringWriter text = new StringWriter();

  private Stack stack() {
    Map<String, String> env =
        Map.of("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock"), "PATH", "");
    return new Stack(
        dir.resolve("stack"),
        StackImages.DEFAULT,
        dir.resolve("no-influxd").toString(),
        env,
        new PrintWriter(text, true));
  }

  @Test
  void upRefusesWithTheImagesItNeedsAndStartsNothing() {
    assertThatThrownBy(() -> stack().up())
        .isInstanceOf(Stack.MissingImagesException.class)
        .hasMessage(
            "cannot start the stack: no Docker engine answers at unix://"
                + dir.resolve("no-engine.sock")
                + " and there is no "
                + dir.resolve("no-influxd")
                + "; it needs the images influxdb:1.8, grafana/grafana:11.1.0 and"
                + " gcr.io/cadvisor/cadvisor:v0.47.2 on that engine (docker pull them where a"
                + " registry is reachable, or docker save there and docker load here), or InfluxDB"
                + " 1.x installed as influxd (apt-get install influxdb)");
    assertThat(dir.resolve("stack/influxd")).doesNotExist();
  }

  @Test
  void statusShowsNothingRunningAndDownHasNothingToDo() throws Exception {
    assertThat(stack().status()).allMatch(s -> s.state().equals(ComponentStatus.ABSENT));

    assertThat(stack().down()).isZero();
    assertThat(text.toString())
        .contains("no Docker engine answers at unix://" + dir.resolve("no-engine.sock"))
        .contains("nothing of the stack was running");
  }
}
