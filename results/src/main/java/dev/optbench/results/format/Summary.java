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
        + (o.paired() ? ", paired by round" : "")
        + "), "
        + (o.paired() ? "signed-rank" : "Mann-Whitney")
        + " alpha "
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

  /**
   * The gate's line. It says PASSED only when every row was judged: rows with too few samples are
   * not evidence of "no regression", so a run with such rows is INCOMPLETE (some judged) or has NO
   * VERDICT (none judged), with the minimum it needed.
   */
  static String gate(Comparison c) {
    if (!c.gatePasses()) {
      return "GATE FAILED: " + counts(c);
    }
    long tooFew = c.count(Verdict.TOO_FEW_SAMPLES);
    if (tooFew == 0) {
      return "GATE PASSED: " + counts(c);
    }
    String need =
        " (need at least "
            + c.options().requiredSamples()
            + (c.options().paired() ? " rounds" : " values per side")
            + ": "
            + c.options().requiredSamplesReason()
            + ")";
    return (tooFew == c.rows().size() ? "NO VERDICT: " : "GATE INCOMPLETE: ") + counts(c) + need;
  }

  /** ✅ passed, ❌ failed, ⚠️ not (fully) judged. */
  static String gateMark(Comparison c) {
    if (!c.gatePasses()) {
      return "❌ ";
    }
    return c.count(Verdict.TOO_FEW_SAMPLES) == 0 ? "✅ " : "⚠️ ";
  }
}
