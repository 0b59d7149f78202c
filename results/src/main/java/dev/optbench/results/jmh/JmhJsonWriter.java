package dev.optbench.results.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.model.Metric;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes results as JMH 1.37's JSON array: same fields, same order, NaN and infinities as the
 * strings JMH uses, numbers as {@code Double.toString} (locale-independent), and JMH's layout, so a
 * file written by JMH comes out byte-identical after reading and writing it again.
 */
public final class JmhJsonWriter {
  private static final JsonFactory FACTORY = new ObjectMapper().getFactory();

  public void write(List<BenchmarkResult> results, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(results, out);
    }
  }

  public void write(List<BenchmarkResult> results, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new JmhPrettyPrinter());
      g.writeStartArray();
      for (BenchmarkResult r : results) {
        benchmark(g, r);
      }
      g.writeEndArray();
      // JMH's tidy() leaves an empty last line and println adds another: three newlines.
      g.writeRaw("\n\n\n");
    }
  }

  private static void benchmark(JsonGenerator g, BenchmarkResult r) throws IOException {
    g.writeStartObject();
    g.writeStringField("jmhVersion", r.jmhVersion());
    g.writeStringField("benchmark", r.benchmark());
    g.writeStringField("mode", r.mode());
    g.writeNumberField("threads", r.threads());
    g.writeNumberField("forks", r.forks());
    g.writeStringField("jvm", r.jvm());
    g.writeArrayFieldStart("jvmArgs");
    for (String arg : r.jvmArgs()) {
      g.writeString(arg);
    }
    g.writeEndArray();
    g.writeStringField("jdkVersion", r.jdkVersion());
    g.writeStringField("vmName", r.vmName());
    g.writeStringField("vmVersion", r.vmVersion());
    g.writeNumberField("warmupIterations", r.warmupIterations());
    g.writeStringField("warmupTime", r.warmupTime());
    g.writeNumberField("warmupBatchSize", r.warmupBatchSize());
    g.writeNumberField("measurementIterations", r.measurementIterations());
    g.writeStringField("measurementTime", r.measurementTime());
    g.writeNumberField("measurementBatchSize", r.measurementBatchSize());
    if (!r.params().isEmpty()) { // JMH omits "params" when there are none
      g.writeObjectFieldStart("params");
      for (Map.Entry<String, String> p : r.params().entrySet()) {
        g.writeStringField(p.getKey(), p.getValue());
      }
      g.writeEndObject();
    }
    g.writeFieldName("primaryMetric");
    metric(g, r.primaryMetric());
    g.writeObjectFieldStart("secondaryMetrics");
    for (Map.Entry<String, Metric> m : r.secondaryMetrics().entrySet()) {
      g.writeFieldName(m.getKey());
      metric(g, m.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void metric(JsonGenerator g, Metric m) throws IOException {
    g.writeStartObject();
    g.writeFieldName("score");
    number(g, m.score());
    g.writeFieldName("scoreError");
    number(g, m.scoreError());
    g.writeArrayFieldStart("scoreConfidence");
    for (double c : m.scoreConfidence()) {
      number(g, c);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("scorePercentiles");
    for (Map.Entry<String, Double> p : m.scorePercentiles().entrySet()) {
      g.writeFieldName(p.getKey());
      number(g, p.getValue());
    }
    g.writeEndObject();
    g.writeStringField("scoreUnit", m.scoreUnit());
    // Unknown fields (SampleTime's rawDataHistogram) go where JMH puts rawData.
    for (Map.Entry<String, Object> e : m.extra().entrySet()) {
      g.writeFieldName(e.getKey());
      g.writeObject(e.getValue());
    }
    if (!m.rawData().isEmpty() || !m.extra().containsKey("rawDataHistogram")) {
      g.writeArrayFieldStart("rawData");
      for (List<Double> fork : m.rawData()) {
        g.writeStartArray();
        for (double v : fork) {
          number(g, v);
        }
        g.writeEndArray();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, double d) throws IOException {
    String special = JmhJson.special(d);
    if (special != null) {
      g.writeString(special);
    } else {
      g.writeNumber(d);
    }
  }
}
