package dev.optbench.harness.metrics.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InfluxSettingsTest {

  @Test
  void takesCredentialsFromTheUrlAndKeepsThemOutOfIt() {
    InfluxSettings s = InfluxSettings.of("http://bench:s3cr%40t@127.0.0.1:8086/", "db", Map.of());
    assertThat(s.url()).isEqualTo("http://127.0.0.1:8086");
    assertThat(s.user()).contains("bench");
    assertThat(s.password()).contains("s3cr@t");
    assertThat(s.toString()).doesNotContain("s3cr").contains("bench").contains("****");
  }

  @Test
  void keepsAPathPrefixForInfluxDbBehindAProxy() {
    assertThat(InfluxSettings.of("https://u:p@metrics.example/influx/", "db", Map.of()).url())
        .isEqualTo("https://metrics.example/influx");
  }

  @Test
  void environmentCredentialsWin() {
    InfluxSettings s =
        InfluxSettings.of(
            "http://a:b@127.0.0.1:8086",
            "db",
            Map.of(InfluxSettings.ENV_USER, "envuser", InfluxSettings.ENV_PASSWORD, "envpass"));
    assertThat(s.user()).contains("envuser");
    assertThat(s.password()).contains("envpass");
    assertThat(s.toString()).doesNotContain("envpass");
  }

  @Test
  void redactsThePasswordFromLibraryMessages() {
    InfluxSettings s = InfluxSettings.of("http://u:hunter2@127.0.0.1:1", "db", Map.of());
    assertThat(s.redact("401 for u=u&p=hunter2")).isEqualTo("401 for u=u&p=****");
  }

  @Test
  void badUrlsFailWithoutEchoingThem() {
    assertThatThrownBy(() -> InfluxSettings.of("ht tp://u:hunter2@x", "db", Map.of()))
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("http://127.0.0.1:8086");
    assertThatThrownBy(() -> InfluxSettings.of("udp://u:hunter2@x:1", "db", Map.of()))
        .hasMessageNotContaining("hunter2");
  }
}
