package dev.optbench.benchmarks.doctor;

import dev.optbench.harness.metrics.sink.InfluxConnectivity;
import dev.optbench.harness.metrics.sink.InfluxSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the InfluxDB the user named answers {@code /ping}. Only {@link InfluxSettings#url()} is
 * printed: it never carries the credentials a URL may hold, and the connectivity messages are
 * redacted, so no password reaches the terminal.
 */
public final class InfluxCheck implements Check {
  public static final String ENV_URL = "OPTBENCH_INFLUX_URL";

  private final Optional<String> url;
  private final String from;
  private final Map<String, String> env;

  /**
   * @param url the URL as given, credentials and all
   * @param from where it came from ("--influx" or "$OPTBENCH_INFLUX_URL"), for the message
   */
  public InfluxCheck(Optional<String> url, String from, Map<String, String> env) {
    this.url = url;
    this.from = from;
    this.env = env;
  }

  /** {@code --influx} wins over {@code $OPTBENCH_INFLUX_URL}. */
  public static InfluxCheck of(String option, Map<String, String> env) {
    if (option != null) {
      return new InfluxCheck(Optional.of(option), "--influx", env);
    }
    Optional<String> fromEnv = Optional.ofNullable(env.get(ENV_URL)).filter(u -> !u.isBlank());
    return new InfluxCheck(fromEnv, "$" + ENV_URL, env);
  }

  @Override
  public String name() {
    return "InfluxDB";
  }

  @Override
  public List<Finding> run() {
    if (url.isEmpty()) {
      return List.of(
          Finding.ok(
              "InfluxDB: none given, time series go to a line-protocol file",
              "to stream them, give --influx URL or set $" + ENV_URL));
    }
    InfluxSettings settings;
    try {
      settings = InfluxSettings.of(url.get(), InfluxSettings.DEFAULT_DATABASE, env);
    } catch (IllegalArgumentException e) {
      return List.of(Finding.fail("InfluxDB URL from " + from + " is unusable", e.getMessage()));
    }
    String what = "InfluxDB " + settings.url() + " (from " + from + ")";
    try {
      InfluxConnectivity.check(
          settings,
          Duration.ofSeconds(3),
          "Start InfluxDB 1.x there, correct "
              + from
              + ", or leave it out to write the series to"
              + " a file");
      return List.of(Finding.ok(what + ": answers /ping"));
    } catch (IOException e) {
      return List.of(Finding.fail(what + ": does not answer", e.getMessage()));
    }
  }
}
