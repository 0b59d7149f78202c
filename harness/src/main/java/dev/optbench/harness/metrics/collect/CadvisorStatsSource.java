package dev.optbench.harness.metrics.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Polls cAdvisor's REST API v2.0 for the latest stats of one Docker container: {@code GET
 * /api/v2.0/stats/<id>?type=docker&count=1}. cAdvisor refreshes its stats at its own housekeeping
 * interval (1 s by default), so a poll that returns the same timestamp as the last one is skipped,
 * never written twice.
 */
final class CadvisorStatsSource implements StatsSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI uri;
  private final Duration timeout;
  private long lastTimestamp = Long.MIN_VALUE;
  private boolean seenOnce;

  CadvisorStatsSource(HttpClient http, URI baseUrl, String container, Duration timeout) {
    this.http = http;
    String base = baseUrl.toString().replaceAll("/+$", "");
    this.uri =
        URI.create(
            base
                + "/api/v2.0/stats/"
                + URLEncoder.encode(container, StandardCharsets.UTF_8)
                + "?type=docker&count=1");
    this.timeout = timeout;
  }

  @Override
  public Optional<Reading> read() throws IOException {
    HttpResponse<byte[]> response;
    try {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while polling " + uri);
    }
    if (response.statusCode() != 200) {
      String body = new String(response.body(), StandardCharsets.UTF_8).trim();
      // Once a container is removed cAdvisor answers 500 with "unable to find Docker container"
      // (type=docker) or "unknown container" (type=name); before the first reading that is an
      // error (wrong id), afterwards the normal end.
      if (seenOnce
          && (body.contains("unable to find Docker container")
              || body.contains("unknown container"))) {
        throw new SourceGoneException(body);
      }
      throw new IOException(
          "cAdvisor answered HTTP " + response.statusCode() + " to " + uri + ": " + body);
    }
    JsonNode json = JSON.readTree(response.body());
    Optional<Reading> reading = CadvisorStatsMapper.newest(json);
    if (reading.isEmpty() || reading.get().epochNanos() == lastTimestamp) {
      return Optional.empty();
    }
    seenOnce = true;
    lastTimestamp = reading.get().epochNanos();
    return reading;
  }

  @Override
  public String describe() {
    return "cAdvisor " + uri;
  }
}
