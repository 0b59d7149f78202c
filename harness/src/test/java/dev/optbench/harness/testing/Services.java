package dev.optbench.harness.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where integration tests find the real services `.ci/services.sh` starts. A service counts as
 * present only when it answers (the Docker socket accepts a connection, InfluxDB answers /ping), so
 * a variable pointing nowhere skips the test instead of failing it. On a machine without them an IT
 * is skipped with a one-line message saying how to get them; in CI ({@code
 * OPTBENCH_REQUIRE_SERVICES=true}) a missing service fails the test, so CI never goes green by
 * skipping the integrations.
 */
public final class Services {
  /** What fixes a missing service, in the skip message. */
  public static final String HOW =
      "as root, ./test.sh installs and starts the services and runs the tests with them (or"
          + " start them yourself: eval \"$(.ci/services.sh start)\")";

  private static final Map<String, Optional<String>> PROBED = new ConcurrentHashMap<>();

  private Services() {}

  /** The Docker engine's endpoint (DOCKER_HOST), e.g. unix:///var/lib/.../docker.sock. */
  public static String dockerHost() {
    String host = require("DOCKER_HOST", "Docker engine");
    PROBED
        .computeIfAbsent("docker " + host, k -> dockerProblem(host))
        .ifPresent(p -> missing("Docker engine at $DOCKER_HOST=" + host + " (" + p + ")"));
    return host;
  }

  /** InfluxDB 1.x base URL, e.g. http://127.0.0.1:8086. */
  public static String influxUrl() {
    String url = require("OPTBENCH_INFLUX_URL", "InfluxDB");
    PROBED
        .computeIfAbsent("influx " + url, k -> influxProblem(url))
        .ifPresent(p -> missing("InfluxDB at $OPTBENCH_INFLUX_URL=" + url + " (" + p + ")"));
    return url;
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

  /** Empty when something accepts a connection at the endpoint; docker-java would say the rest. */
  private static Optional<String> dockerProblem(String host) {
    URI uri = URI.create(host);
    try {
      if ("unix".equals(uri.getScheme())) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
          ch.connect(UnixDomainSocketAddress.of(Path.of(uri.getPath())));
        }
      } else {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of("nothing answers: " + e.getMessage());
    }
  }

  /** Empty when /ping answers 204 within a few seconds (it may be restarting). */
  private static Optional<String> influxProblem(String url) {
    String last = "";
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        HttpURLConnection c =
            (HttpURLConnection)
                URI.create(url.replaceAll("/+$", "") + "/ping").toURL().openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(2000);
        int code = c.getResponseCode();
        c.disconnect();
        if (code == 204) {
          return Optional.empty();
        }
        last = "/ping answered " + code;
      } catch (IOException | RuntimeException e) {
        last = "/ping: " + e.getMessage();
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Optional.of(last);
  }
}
