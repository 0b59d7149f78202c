package dev.optbench.benchmarks.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The main job's database in the stack's InfluxDB, made right after it starts. Over InfluxDB 1.x's
 * HTTP query endpoint with the JDK's client: one POST, where influxdb-java would bring its
 * connection pool and retrofit for a call whose failure is only a warning.
 */
final class InfluxDatabase {
  private final PrintWriter out;

  InfluxDatabase(PrintWriter out) {
    this.out = out;
  }

  /**
   * Creates the main job's database at once so cAdvisor, which may start first, has somewhere to
   * write. Not fatal: the main job creates it too, at its start.
   */
  void create(String url, Credentials credentials) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + "/query"))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (credentials.present()) {
      String basic = credentials.user() + ":" + credentials.password();
      request.header(
          "Authorization",
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    request.POST(
        HttpRequest.BodyPublishers.ofString(
            "q="
                + URLEncoder.encode(
                    "CREATE DATABASE \"" + Stack.DATABASE + "\"", StandardCharsets.UTF_8)));
    try {
      int code =
          HttpClient.newHttpClient()
              .send(request.build(), HttpResponse.BodyHandlers.discarding())
              .statusCode();
      if (code / 100 != 2) {
        warnNoDatabase(url, "answered " + code);
      }
    } catch (IOException e) {
      warnNoDatabase(url, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      warnNoDatabase(url, "interrupted");
    }
  }

  private void warnNoDatabase(String url, String why) {
    out.println(
        "InfluxDB: could not create the database "
            + Stack.DATABASE
            + " at "
            + url
            + " ("
            + why
            + "); the main job creates it when it starts");
  }
}
