package dev.optbench.results.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.MetricComparison;
import dev.optbench.results.stats.RatioEstimate;
import dev.optbench.results.stats.SampleSummary;
import java.io.IOException;
import java.util.Map;

/**
 * The comparison as JSON: the contract with scripts and dashboards (hyperfine's lesson), so field
 * names are spelled out and numbers keep full precision. Bootstrap replicates are left out.
 */
final class JsonFormat implements ResultFormat {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void write(Comparison c, Appendable out) throws IOException {
    out.append(toJson(c)).append('\n');
  }

  static String toJson(Comparison c) throws JsonProcessingException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("baseline", c.baselineName());
    root.put("candidate", c.candidateName());
    ObjectNode options = root.putObject("options");
    var o = c.options();
    options.put("maxRegression", o.maxRegression());
    options.put("alpha", o.alpha());
    options.put("confidence", o.confidence());
    options.put("resamples", o.resamples());
    options.put("seed", o.seed());
    options.put("statistic", o.statistic().name());
    options.put("minSamples", o.requiredSamples());
    options.put("paired", o.paired());
    root.put("gatePassed", c.gatePasses());
    ObjectNode summaries = root.putObject("geometricMeans");
    for (Map.Entry<String, RatioEstimate> e : c.summaries().entrySet()) {
      ratio(summaries.putObject(e.getKey()), e.getValue());
    }
    ArrayNode rows = root.putArray("rows");
    for (MetricComparison r : c.rows()) {
      ObjectNode row = rows.addObject();
      row.put("benchmark", r.key().benchmark());
      ObjectNode params = row.putObject("params");
      r.key().params().forEach(params::put);
      row.put("metric", r.metric());
      row.put("unit", r.unit());
      row.put("direction", r.direction().name());
      sample(row.putObject("baselineSample"), r.baseline());
      sample(row.putObject("candidateSample"), r.candidate());
      ratio(row.putObject("ratio"), r.ratio());
      row.put("pValue", r.pValue());
      row.put("a12", r.effect().a12());
      row.put("cliffsDelta", r.effect().cliffsDelta());
      row.put("verdict", r.verdict().name());
      row.put("note", r.note());
    }
    ArrayNode unmatched = root.putArray("unmatched");
    Summary.unmatched(c).forEach(unmatched::add);
    return MAPPER.writeValueAsString(root);
  }

  private static void ratio(ObjectNode node, RatioEstimate r) {
    node.put("ratio", r.ratio());
    node.put("low", r.low());
    node.put("high", r.high());
    node.put("confidence", r.confidence());
  }

  private static void sample(ObjectNode node, SampleSummary s) {
    node.put("n", s.n());
    node.put("mean", s.mean());
    node.put("median", s.median());
    node.put("stdDev", s.stdDev());
    node.put("min", s.min());
    node.put("max", s.max());
    ArrayNode outliers = node.putArray("outlierIndices");
    s.outliers().indices().forEach(outliers::add);
  }
}
