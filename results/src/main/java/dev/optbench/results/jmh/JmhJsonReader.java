package dev.optbench.results.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.model.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON array JMH writes ({@code -rf json}) and optbench's own files of the same shape.
 * Walks the tree by hand rather than binding, because JMH writes NaN and infinities as strings.
 */
public final class JmhJsonReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> METRIC_FIELDS =
      Set.of("score", "scoreError", "scoreConfidence", "scorePercentiles", "scoreUnit", "rawData");

  /** Reads {@code file}; every error names the file (a parser's message alone does not). */
  public List<BenchmarkResult> read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException(file + " is a folder, not a JMH JSON file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException(file + " does not exist", e);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new IOException(file + " is not readable (permission denied)", e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(
          file + " is not a JMH result file (not JSON: " + e.getOriginalMessage() + ")", e);
    } catch (IOException | IllegalArgumentException e) {
      String m = String.valueOf(e.getMessage());
      throw new IOException(m.startsWith(file.toString()) ? m : file + ": " + m, e);
    }
  }

  public List<BenchmarkResult> read(InputStream in) throws IOException {
    JsonNode root = MAPPER.readTree(in);
    if (root == null || root.isMissingNode()) {
      throw new IOException("empty, not a JMH result file");
    }
    if (!root.isArray()) {
      throw new IOException("not a JMH result file: expected a JSON array at the top level");
    }
    List<BenchmarkResult> results = new ArrayList<>();
    for (JsonNode node : (ArrayNode) root) {
      results.add(benchmark(node));
    }
    return results;
  }

  private static BenchmarkResult benchmark(JsonNode n) {
    List<String> jvmArgs = new ArrayList<>();
    n.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
    Map<String, String> params = new LinkedHashMap<>();
    n.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
    Map<String, Metric> secondaries = new LinkedHashMap<>();
    n.path("secondaryMetrics")
        .properties()
        .forEach(e -> secondaries.put(e.getKey(), metric(e.getValue())));
    return new BenchmarkResult(
        n.path("jmhVersion").asText(""),
        required(n, "benchmark").asText(),
        n.path("mode").asText(""),
        n.path("threads").asInt(1),
        n.path("forks").asInt(0),
        n.path("jvm").asText(""),
        jvmArgs,
        n.path("jdkVersion").asText(""),
        n.path("vmName").asText(""),
        n.path("vmVersion").asText(""),
        n.path("warmupIterations").asInt(0),
        n.path("warmupTime").asText(""),
        n.path("warmupBatchSize").asInt(1),
        n.path("measurementIterations").asInt(0),
        n.path("measurementTime").asText(""),
        n.path("measurementBatchSize").asInt(1),
        params,
        metric(required(n, "primaryMetric")),
        secondaries);
  }

  private static Metric metric(JsonNode m) {
    List<Double> confidence = new ArrayList<>();
    m.path("scoreConfidence").forEach(v -> confidence.add(number(v)));
    Map<String, Double> percentiles = new LinkedHashMap<>();
    m.path("scorePercentiles")
        .properties()
        .forEach(e -> percentiles.put(e.getKey(), number(e.getValue())));
    List<List<Double>> raw = new ArrayList<>();
    for (JsonNode fork : m.path("rawData")) {
      List<Double> values = new ArrayList<>();
      fork.forEach(v -> values.add(number(v)));
      raw.add(values);
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    m.properties()
        .forEach(
            e -> {
              if (!METRIC_FIELDS.contains(e.getKey())) {
                extra.put(e.getKey(), MAPPER.convertValue(e.getValue(), Object.class));
              }
            });
    return new Metric(
        number(m.path("score")),
        number(m.path("scoreError")),
        confidence,
        percentiles,
        m.path("scoreUnit").asText(""),
        raw,
        extra);
  }

  private static double number(JsonNode v) {
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      return JmhJson.parseSpecial(v.asText());
    }
    return Double.NaN; // missing: JMH never omits these, hand-written files may
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("benchmark entry without \"" + field + "\"");
    }
    return v;
  }
}
