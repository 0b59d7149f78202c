package dev.optbench.benchmarks.job;

import dev.optbench.results.compare.CompareOptions;
import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.MetricComparison;
import dev.optbench.results.compare.Verdict;
import dev.optbench.results.jmh.Invocations;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.model.Metric;
import dev.optbench.results.model.VariantSplit;
import dev.optbench.results.report.Headlines;
import dev.optbench.results.report.VerdictMetric;
import dev.optbench.results.stats.RatioEstimate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The verdict at the end of a run: per variant, the geometric mean over units of its ratio to the
 * baseline for wall time, CPU time and peak memory, with the 95% interval and how many units were
 * significantly faster or slower; then each unit's median wall time per variant. Plain text for the
 * terminal; the HTML report has the rest.
 */
final class RunSummary {
  static final List<String> HEADLINE_METRICS = List.of("wall", "cpu.total", "mem.peak");

  private final String baseline;
  private final Map<String, List<BenchmarkResult>> variants;
  private final Map<String, Comparison> comparisons;
  private final CompareOptions options;

  RunSummary(String baseline, Map<String, List<BenchmarkResult>> variants, CompareOptions options) {
    this.baseline = baseline;
    this.variants = variants;
    this.options = options;
    this.comparisons = Comparison.againstBaseline(baseline, variants, options);
  }

  Map<String, Comparison> comparisons() {
    return comparisons;
  }

  String baseline() {
    return baseline;
  }

  /** One line: how long the units waited for a CPU, per variant (see {@link Contention}). */
  String contention() {
    return Contention.line(variants);
  }

  /** One sentence per variant on the verdict metric, naming variants whose output differs. */
  List<Headlines.Headline> headlines(List<Map<String, Object>> manifests) {
    return Headlines.of(baseline, comparisons, manifests);
  }

  /** The headline sentences, then the variant table and the unit table: the console's summary. */
  String text(List<Headlines.Headline> headlines) {
    StringBuilder s = new StringBuilder(Headlines.about(comparisons, baseline)).append('\n');
    headlines.forEach(h -> s.append("  ").append(h.sentence()).append('\n'));
    return s.append('\n').append(text()).toString();
  }

  /**
   * How the intervals above were made, the minimum for a verdict, and, for paired runs, the same
   * ratios without pairing beside them (what interleaving gained).
   */
  private String pairing(CompareOptions o) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "intervals: %s; a unit's verdict needs at least %d %s (%s)%n",
            o.paired()
                ? "95% bootstrap over rounds of same-round pairs, signed-rank test"
                : "95% bootstrap of each side on its own, Mann-Whitney test",
            o.requiredSamples(),
            o.paired() ? "rounds" : "invocations per variant",
            o.requiredSamplesReason()));
    if (!o.paired()) {
      return s.toString();
    }
    s.append("the same ratios unpaired, for reference:\n");
    for (Map.Entry<String, Comparison> e : comparisons.entrySet()) {
      s.append(String.format(Locale.ROOT, "%-10s", e.getKey()));
      for (String metric : HEADLINE_METRICS) {
        s.append(' ')
            .append(
                String.format(
                    Locale.ROOT, "%-26s", ratio(e.getValue().unpairedSummaries().get(metric))));
      }
      s.append('\n');
    }
    return s.toString();
  }

  String text() {
    String decider = VerdictMetric.of(comparisons.values()).name();
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "%-10s %-26s %-26s %-26s %-42s %s%n",
            "variant",
            "wall vs " + baseline,
            "cpu.total vs " + baseline,
            "mem.peak vs " + baseline,
            "units (" + decider + "): slower/faster/same/unclear",
            "failed invocations"));
    for (String variant : variants.keySet()) {
      if (variant.equals(baseline)) {
        s.append(
            String.format(
                Locale.ROOT,
                "%-10s %-26s %-26s %-26s %-42s %s%n",
                variant,
                "(baseline)",
                "",
                "",
                "",
                failed(variant)));
        continue;
      }
      Comparison c = comparisons.get(variant);
      s.append(String.format(Locale.ROOT, "%-10s", variant));
      for (String metric : HEADLINE_METRICS) {
        s.append(' ').append(String.format(Locale.ROOT, "%-26s", ratio(c.summaries().get(metric))));
      }
      s.append(' ').append(String.format(Locale.ROOT, "%-42s", counts(c, decider)));
      s.append(' ').append(failed(variant)).append('\n');
    }
    s.append(noVerdicts());
    s.append(contention()).append('\n');
    s.append(pairing(options));
    s.append('\n').append(unitTable());
    return s.toString();
  }

  /** "0 of 30" or "5 of 30 (2 OOM)": beside the ratios, which count only the successes. */
  private String failed(String variant) {
    int failed = 0;
    int total = 0;
    int oom = 0;
    for (BenchmarkResult r : variants.get(variant)) {
      failed += Invocations.failed(r);
      oom += Invocations.oomKilled(r);
      total += Invocations.total(r);
    }
    return failed + " of " + total + (oom == 0 ? "" : " (" + oom + " OOM)");
  }

  /** One line per unit whose wall time got no verdict because invocations failed. */
  private String noVerdicts() {
    StringBuilder s = new StringBuilder();
    comparisons.forEach(
        (variant, c) ->
            c.rows().stream()
                .filter(r -> r.metric().equals("wall") && r.verdict() == Verdict.TOO_FEW_SAMPLES)
                .forEach(
                    r ->
                        s.append(
                            String.format(
                                Locale.ROOT,
                                "  %s %s: %s%n",
                                variant,
                                r.key().params().get("unit")
                                    + (r.key().params().containsKey(ENGINE)
                                        ? " on " + r.key().params().get(ENGINE)
                                        : ""),
                                r.note()))));
    return s.toString();
  }

  /** "1.87x [1.80, 1.95]": candidate/baseline, so above 1 is slower or larger. */
  static String ratio(RatioEstimate r) {
    if (r == null) {
      return "no verdict (too few successes)";
    }
    return String.format(Locale.ROOT, "%.3fx [%.3f, %.3f]", r.ratio(), r.low(), r.high());
  }

  private static String counts(Comparison c, String metric) {
    List<MetricComparison> rows = c.rows().stream().filter(r -> r.metric().equals(metric)).toList();
    long slower = rows.stream().filter(r -> r.verdict() == Verdict.REGRESSION).count();
    long faster = rows.stream().filter(r -> r.verdict() == Verdict.IMPROVEMENT).count();
    long same = rows.stream().filter(r -> r.verdict() == Verdict.NO_CHANGE).count();
    long unclear = rows.size() - slower - faster - same;
    return slower + "/" + faster + "/" + same + "/" + unclear;
  }

  /**
   * Median wall time (ms, next to the process) of every unit on every variant, over the invocations
   * that succeeded; "failed" where none did. On named engines a unit has a row per engine, with the
   * engine in its own column: values of one row were measured on one engine.
   */
  String unitTable() {
    Set<List<String>> rows = new LinkedHashSet<>(); // (unit, engine)
    variants
        .values()
        .forEach(rs -> rs.forEach(r -> rows.add(List.of(r.params().get("unit"), engine(r)))));
    boolean engines = rows.stream().anyMatch(row -> !row.get(1).isEmpty());
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-14s", "median wall ms"));
    if (engines) {
      s.append(String.format(Locale.ROOT, " %-10s", ENGINE));
    }
    variants.keySet().forEach(v -> s.append(String.format(Locale.ROOT, " %9s", v)));
    s.append('\n');
    for (List<String> row : rows) {
      s.append(String.format(Locale.ROOT, "%-14s", row.get(0)));
      if (engines) {
        s.append(String.format(Locale.ROOT, " %-10s", row.get(1)));
      }
      for (List<BenchmarkResult> rs : variants.values()) {
        s.append(
            rs.stream()
                .filter(
                    r -> row.get(0).equals(r.params().get("unit")) && row.get(1).equals(engine(r)))
                .findFirst()
                .map(r -> cell(r))
                .orElse(String.format(Locale.ROOT, " %9s", "-")));
      }
      s.append('\n');
    }
    return s.toString();
  }

  private static final String ENGINE = VariantSplit.ENGINE;

  /** The result's engine, "" on a run without named engines. */
  static String engine(BenchmarkResult r) {
    return r.params().getOrDefault(ENGINE, "");
  }

  /**
   * A median in a 9-wide column over the successful invocations: "-" where the unit has no wall
   * time, "failed" where none succeeded (never "NaN").
   */
  private static String cell(BenchmarkResult r) {
    if (r.secondaryMetrics().get("wall") == null) {
      return String.format(Locale.ROOT, " %9s", "-");
    }
    double ms = median(Invocations.successful(r).secondaryMetrics().get("wall"));
    return Double.isFinite(ms)
        ? String.format(Locale.ROOT, " %9.1f", ms)
        : String.format(Locale.ROOT, " %9s", "failed");
  }

  static double median(Metric m) {
    if (m == null) {
      return Double.NaN;
    }
    double[] v = m.samples();
    if (v.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
