package dev.optbench.benchmarks.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What a component's health endpoint answered: InfluxDB {@code /ping} (204), Grafana {@code
 * /api/health} (200), cAdvisor {@code /healthz} (200). Any 2xx counts as healthy.
 *
 * @param text for the status table: "ok (/ping 204)", "FAIL (/ping: connection refused)"
 */
public record Health(boolean ok, String text) {
  /** For a component that does not run: nothing was asked. */
  public static final Health UNKNOWN = new Health(false, "-");

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  public static Health check(String baseUrl, String path) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).GET().build();
    } catch (IllegalArgumentException e) {
      // a container label edited by hand, say
      return new Health(false, "FAIL (no usable URL '" + baseUrl + "')");
    }
    try {
      int code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return new Health(
          code / 100 == 2, (code / 100 == 2 ? "ok" : "FAIL") + " (" + path + " " + code + ")");
    } catch (IOException e) {
      return new Health(false, "FAIL (" + path + ": " + reason(e) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Health(false, "FAIL (" + path + ": interrupted)");
    }
  }

  public static Health check(String baseUrl, Component component) {
    return check(baseUrl, component.healthPath());
  }

  /**
   * Waits until healthy, until {@code alive} says the process or container is gone (no point
   * waiting for it), or until {@code deadline} passes; the last answer either way.
   */
  public static Health await(
      String baseUrl, Component component, Duration deadline, BooleanSupplier alive) {
    long end = System.nanoTime() + deadline.toNanos();
    Health health = check(baseUrl, component);
    while (!health.ok() && System.nanoTime() < end && alive.getAsBoolean()) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return health;
      }
      health = check(baseUrl, component);
    }
    return health;
  }

  private static String reason(IOException e) {
    String m = e.getMessage();
    // java.net.http says only "java.net.ConnectException" with no message for a refused port.
    return m == null || m.isBlank()
        ? "connection refused or timed out (" + e.getClass().getSimpleName() + ")"
        : m;
  }
}
