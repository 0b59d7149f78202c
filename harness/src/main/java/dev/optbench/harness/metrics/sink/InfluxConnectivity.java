package dev.optbench.harness.metrics.sink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Checks, before a long run, that InfluxDB answers, so a typo in {@code --influx} fails in a second
 * instead of after an hour of spooling. JDK HttpClient rather than influxdb-java's {@code ping()}:
 * we want the status code and a plain cause, not a wrapped exception.
 */
public final class InfluxConnectivity {
  private InfluxConnectivity() {}

  /**
   * @throws IOException "InfluxDB at URL does not answer /ping: CAUSE. Start it or drop --influx"
   */
  public static void check(InfluxSettings settings) throws IOException {
    check(settings, Duration.ofSeconds(3), "Start it or drop --influx");
  }

  /**
   * @param whatToDo the last sentence of the message, the advice for the caller's situation
   */
  public static void check(InfluxSettings settings, Duration timeout, String whatToDo)
      throws IOException {
    String problem;
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
      HttpRequest ping =
          HttpRequest.newBuilder(URI.create(settings.url() + "/ping"))
              .timeout(timeout)
              .GET()
              .build();
      int status = client.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status == 204) {
        return;
      }
      problem = "HTTP " + status + " instead of 204 (is this InfluxDB 1.x?)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = "interrupted";
    } catch (IOException e) {
      problem = settings.redact(InfluxLineWriter.describe(e));
    }
    throw new IOException(
        "InfluxDB at " + settings.url() + " does not answer /ping: " + problem + ". " + whatToDo);
  }
}
