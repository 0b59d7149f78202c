package dev.optbench.benchmarks.stack;

import dev.optbench.harness.metrics.sink.InfluxSettings;
import java.util.Map;

/**
 * InfluxDB credentials from {@code OPTBENCH_INFLUX_USER} / {@code OPTBENCH_INFLUX_PASSWORD}, the
 * variables the sink reads too. They go into the containers' environment only: never into a command
 * line, a label, a file or the output, so {@link #toString()} does not show them.
 */
public record Credentials(String user, String password) {
  /** No credentials: the stack's InfluxDB runs without authentication, bound to 127.0.0.1. */
  public static final Credentials NONE = new Credentials("", "");

  public static Credentials from(Map<String, String> env) {
    String user = env.getOrDefault(InfluxSettings.ENV_USER, "");
    String password = env.getOrDefault(InfluxSettings.ENV_PASSWORD, "");
    return user.isBlank() ? NONE : new Credentials(user, password);
  }

  public boolean present() {
    return !user.isEmpty();
  }

  @Override
  public String toString() {
    return present() ? "Credentials[user and password from the environment]" : "Credentials[none]";
  }
}
