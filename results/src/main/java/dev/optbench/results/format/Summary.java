package dev.optbench.results.format;

import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.Verdict;
import dev.optbench.results.model.BenchmarkKey;
import dev.optbench.results.stats.RatioEstimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sentences shared by the human-readable formats. */
final class Summary {
  private Summary() {}

  static String headline(Comparison c) {
    var o = c.options();
    return c.candidateName()
        + " vs "
        + c.baselineName()
        + ": ratio of "
        + o.statistic().name().toLowerCase(java.util.Locale.ROOT)
        + "s, "
        + Numbers.percent(o.confidence())
        + " bootstrap CI ("
        + o.resamples()
        + " resamples, seed "
        + o.seed()
        + "), Mann-Whitney alpha "
        + Numbers.fixed(o.alpha(), 3)
        + ", threshold "
        + Numbers.percent(o.maxRegression());
  }

  static Map<String, String> geometricMeans(Comparison c) {
    Map<String, String> lines = new LinkedHashMap<>();
    for (Map.Entry<String, RatioEstimate> e : c.summaries().entrySet()) {
      RatioEstimate r = e.getValue();
      lines.put(
          e.getKey(),
          Numbers.ratio(r.ratio())
              + " ("
              + Numbers.change(r.ratio())
              + ") CI "
              + Numbers.interval(r.low(), r.high()));
    }
    return lines;
  }

  static List<String> unmatched(Comparison c) {
    List<String> lines = new ArrayList<>();
    for (BenchmarkKey k : c.onlyInBaseline()) {
      lines.add("only in " + c.baselineName() + ": " + k.display());
    }
    for (BenchmarkKey k : c.onlyInCandidate()) {
      lines.add("only in " + c.candidateName() + ": " + k.display());
    }
    return lines;
  }

  static String counts(Comparison c) {
    List<String> parts = new ArrayList<>();
    for (Verdict v : Verdict.values()) {
      long n = c.count(v);
      if (n > 0) {
        parts.add(n + " " + v.name());
      }
    }
    return parts.isEmpty() ? "nothing compared" : String.join(", ", parts);
  }

  static String gate(Comparison c) {
    return (c.gatePasses() ? "GATE PASSED: " : "GATE FAILED: ") + counts(c);
  }
}
