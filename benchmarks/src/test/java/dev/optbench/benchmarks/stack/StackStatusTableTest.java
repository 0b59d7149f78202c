package dev.optbench.benchmarks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StackStatusTableTest {
  @Test
  void oneAlignedLinePerComponent() {
    List<String> lines =
        StatusTable.render(
            List.of(
                new ComponentStatus(
                    Component.INFLUXDB,
                    ComponentStatus.RUNNING,
                    "local influxd (pid 4242)",
                    "http://127.0.0.1:8086",
                    new Health(true, "ok (/ping 204)")),
                new ComponentStatus(
                    Component.GRAFANA,
                    ComponentStatus.STOPPED,
                    "container optbench-stack-grafana",
                    "http://127.0.0.1:3000",
                    Health.UNKNOWN),
                ComponentStatus.absent(Component.CADVISOR)));

    assertThat(lines)
        .containsExactly(
            "component  state        how                               url                    health",
            "InfluxDB   running      local influxd (pid 4242)          http://127.0.0.1:8086  ok (/ping 204)",
            "Grafana    stopped      container optbench-stack-grafana  http://127.0.0.1:3000  -",
            "cAdvisor   not running  -                                 -                      -");
  }

  @Test
  void aDeadEndpointIsAFailWithItsReason() {
    Health health = Health.check("http://127.0.0.1:1", Component.INFLUXDB);

    assertThat(health.ok()).isFalse();
    assertThat(health.text()).startsWith("FAIL (/ping: ");
  }
}
