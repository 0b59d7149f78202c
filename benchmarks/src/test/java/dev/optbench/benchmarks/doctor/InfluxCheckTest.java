package dev.optbench.benchmarks.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** InfluxDB findings; the dead URL is loopback port 1, where nothing listens. */
class InfluxCheckTest {
  private static final String DEAD = "http://127.0.0.1:1";

  @Test
  void noUrlIsFineAndSaysHowToStreamTheSeries() {
    List<Finding> f = InfluxCheck.of(null, Map.of()).run();

    assertThat(f).singleElement().extracting(Finding::verdict).isEqualTo(Verdict.OK);
    assertThat(f.get(0).fix()).contains("--influx URL").contains("$OPTBENCH_INFLUX_URL");
  }

  @Test
  void aDeadUrlFromTheEnvironmentIsAFailThatNamesTheVariable() {
    List<Finding> f = InfluxCheck.of(null, Map.of(InfluxCheck.ENV_URL, DEAD)).run();

    assertThat(f.get(0).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(f.get(0).what()).contains(DEAD).contains("$OPTBENCH_INFLUX_URL");
    assertThat(f.get(0).fix()).contains("does not answer /ping").contains("Start InfluxDB");
  }

  @Test
  void theOptionWinsOverTheEnvironmentAndNoPasswordIsPrinted() {
    List<Finding> f =
        InfluxCheck.of(
                "http://bob:s3cret@127.0.0.1:1",
                Map.of(InfluxCheck.ENV_URL, "http://127.0.0.1:8086"))
            .run();

    assertThat(f.get(0).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(f.get(0).line()).contains(DEAD).contains("--influx").doesNotContain("s3cret");
  }

  @Test
  void anInvalidUrlIsAFailThatShowsTheExpectedForm() {
    List<Finding> f = InfluxCheck.of("ftp://user:pw@influx", Map.of()).run();

    assertThat(f.get(0).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(f.get(0).fix()).contains("http://127.0.0.1:8086");
    assertThat(f.get(0).line()).doesNotContain("pw@");
  }
}
