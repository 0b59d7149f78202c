package dev.optbench.harness.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.util.Optional;

/**
 * Where integration tests find the real services `.ci/services.sh` starts. On a developer machine
 * without them an IT is skipped with a message saying how to start them; in CI ({@code
 * OPTBENCH_REQUIRE_SERVICES=true}) a missing service fails the test, so CI never goes green by
 * skipping the integrations.
 */
public final class Services {
  private static final String HOW = "start it with: eval \"$(.ci/services.sh start)\"";

  private Services() {}

  /** The Docker engine's endpoint (DOCKER_HOST), e.g. unix:///var/lib/.../docker.sock. */
  public static String dockerHost() {
    return require("DOCKER_HOST", "Docker engine");
  }

  /** InfluxDB 1.x base URL, e.g. http://127.0.0.1:8086. */
  public static String influxUrl() {
    return require("OPTBENCH_INFLUX_URL", "InfluxDB");
  }

  public static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  public static boolean required() {
    return Boolean.parseBoolean(System.getenv("OPTBENCH_REQUIRE_SERVICES"));
  }

  /** Fails (CI) or skips (developer machine) with a message naming the missing service. */
  public static void missing(String what) {
    String message = what + " is not available; " + HOW;
    if (required()) {
      fail(message + " (OPTBENCH_REQUIRE_SERVICES=true, so this is a failure)");
    }
    abort(message);
  }

  private static String require(String variable, String what) {
    Optional<String> value = env(variable);
    if (value.isEmpty()) {
      missing(what + " ($" + variable + " unset)");
    }
    return value.orElseThrow();
  }
}
