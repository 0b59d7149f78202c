package dev.optbench.harness.metrics.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.harness.metrics.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineProtocolTest {

  /** Covers the escaping rules, value formats and tag handling; shared with LineProtocolIT. */
  static List<Sample> goldenSamples() {
    long t = 1_764_043_200_123_456_789L;
    return List.of(
        new Sample(
            "cpu_usage_total",
            t,
            123456789,
            Map.of("container_name", "ffmpeg-O2", "machine", "bench1")),
        new Sample(
            "memory_usage",
            t + 1,
            0.25,
            Map.of("variant", "O3 -march=native", "machine", "bench1")),
        new Sample("weird measurement,name", t + 2, 1e20, Map.of("unit", "scale=640:360,fps=30")),
        new Sample("memory_rss", t + 3, -7, Map.of("run_id", "a=b", "empty", "")),
        new Sample("memory_cache", t + 4, 1.5e-7, Map.of("unit", "line\nbreak")),
        new Sample("fs_read_bytes", t + 5, 42, Map.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en-US", "de-DE", "tr-TR", "ar-SA"})
  void matchesTheGoldenFileInEveryLocale(String locale) throws IOException {
    Locale original = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag(locale));
    try {
      String encoded =
          goldenSamples().stream()
              .map(LineProtocol::encode)
              .collect(Collectors.joining("\n", "", "\n"));
      assertThat(encoded).isEqualTo(golden());
    } finally {
      Locale.setDefault(original);
    }
  }

  @Test
  void refusesValuesLineProtocolCannotCarry() {
    assertThatThrownBy(() -> LineProtocol.encode(new Sample("m", 1, Double.NaN, Map.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static String golden() throws IOException {
    try (InputStream in = LineProtocolTest.class.getResourceAsStream("/lineprotocol/golden.lp")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
