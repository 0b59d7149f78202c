package dev.optbench.results.compare;

import dev.optbench.results.jmh.Invocations;
import dev.optbench.results.model.BenchmarkKey;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.model.Metric;
import dev.optbench.results.stats.GeometricMean;
import dev.optbench.results.stats.RatioEstimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Baseline versus candidate: one row per benchmark (paired by name and params) and metric (primary
 * and every secondary present on both sides), a geometric-mean summary per metric, and the CI
 * gate's answer. Passive once built; formats render it.
 */
public final class Comparison {
  private final String baselineName;
  private final String candidateName;
  private final CompareOptions options;
  private final List<MetricComparison> rows;
  private final Map<String, RatioEstimate> summaries;
  private final Map<String, RatioEstimate> unpairedSummaries;
  private final List<BenchmarkKey> onlyInBaseline;
  private final List<BenchmarkKey> onlyInCandidate;

  private Comparison(
      String baselineName,
      String candidateName,
      CompareOptions options,
      List<MetricComparison> rows,
      Map<String, RatioEstimate> summaries,
      List<BenchmarkKey> onlyInBaseline,
      List<BenchmarkKey> onlyInCandidate) {
    this.baselineName = baselineName;
    this.candidateName = candidateName;
    this.options = options;
    this.rows = List.copyOf(rows);
    this.summaries = java.util.Collections.unmodifiableMap(summaries);
    this.unpairedSummaries =
        java.util.Collections.unmodifiableMap(summarise(rows, MetricComparison::unpaired));
    this.onlyInBaseline = List.copyOf(onlyInBaseline);
    this.onlyInCandidate = List.copyOf(onlyInCandidate);
  }

  /**
   * Every variant but the baseline against the baseline, in the variants' order: what a run's
   * verdict (and its precision target) is made of.
   */
  public static Map<String, Comparison> againstBaseline(
      String baseline, Map<String, List<BenchmarkResult>> variants, CompareOptions options) {
    Map<String, Comparison> out = new LinkedHashMap<>();
    variants.forEach(
        (name, results) -> {
          if (!name.equals(baseline)) {
            out.put(name, of(baseline, variants.get(baseline), name, results, options));
          }
        });
    return out;
  }

  public static Comparison of(
      List<BenchmarkResult> baseline, List<BenchmarkResult> candidate, CompareOptions options) {
    return of("baseline", baseline, "candidate", candidate, options);
  }

  public static Comparison of(
      String baselineName,
      List<BenchmarkResult> baseline,
      String candidateName,
      List<BenchmarkResult> candidate,
      CompareOptions options) {
    Map<BenchmarkKey, BenchmarkResult> candidates = byKey(candidate);
    Map<BenchmarkKey, BenchmarkResult> baselines = byKey(baseline);
    MetricComparator comparator = new MetricComparator(options);
    List<MetricComparison> rows = new ArrayList<>();
    List<BenchmarkKey> onlyInBaseline = new ArrayList<>();
    for (Map.Entry<BenchmarkKey, BenchmarkResult> b : baselines.entrySet()) {
      BenchmarkResult c = candidates.get(b.getKey());
      if (c == null) {
        onlyInBaseline.add(b.getKey());
        continue;
      }
      // Failed invocations describe runs cut short, starved ones the machine's other load: only
      // the rest is compared, same-round pairs kept as pairs.
      Invocations.Kept kept = Invocations.comparable(b.getValue(), c, options.paired());
      BenchmarkResult base = kept.baseline();
      BenchmarkResult cand = kept.candidate();
      Map<String, Metric> candidateMetrics = cand.allMetrics();
      for (Map.Entry<String, Metric> m : base.allMetrics().entrySet()) {
        Metric other = candidateMetrics.get(m.getKey());
        if (other != null) {
          comparator
              .compare(b.getKey(), m.getKey(), m.getValue(), other)
              .map(row -> withFailures(row, b.getValue(), baselineName, c, candidateName))
              .ifPresent(rows::add);
        }
      }
    }
    List<BenchmarkKey> onlyInCandidate =
        candidates.keySet().stream().filter(k -> !baselines.containsKey(k)).toList();
    return new Comparison(
        baselineName,
        candidateName,
        options,
        rows,
        summarise(rows, MetricComparison::ratio),
        onlyInBaseline,
        onlyInCandidate);
  }

  /**
   * A row without a verdict because invocations failed or were starved says so: how many of how
   * many succeeded on each side, rather than only "too few values".
   */
  private static MetricComparison withFailures(
      MetricComparison row,
      BenchmarkResult base,
      String baseName,
      BenchmarkResult cand,
      String candName) {
    if (row.verdict() != Verdict.TOO_FEW_SAMPLES
        || Invocations.failed(base)
                + Invocations.failed(cand)
                + Invocations.starved(base)
                + Invocations.starved(cand)
            == 0) {
      return row;
    }
    String note =
        "no verdict: "
            + succeeded(cand, candName)
            + ", "
            + succeeded(base, baseName)
            + "; "
            + row.note();
    return new MetricComparison(
        row.key(),
        row.metric(),
        row.unit(),
        row.direction(),
        row.baseline(),
        row.candidate(),
        row.ratio(),
        row.pValue(),
        row.effect(),
        row.verdict(),
        note,
        row.unpaired(),
        row.paired());
  }

  /**
   * "0 of 5 invocations succeeded on O0 (5 failed, 1 OOM-killed)"; "3 of 5 invocations usable on O0
   * (2 starved: cpu.wait over 25 % of wall)".
   */
  private static String succeeded(BenchmarkResult r, String name) {
    List<String> why = new ArrayList<>();
    int failed = Invocations.failed(r);
    int oom = Invocations.oomKilled(r);
    int starved = Invocations.starved(r);
    if (failed > 0) {
      why.add(failed + " failed");
    }
    if (oom > 0) {
      why.add(oom + " OOM-killed");
    }
    if (starved > 0) {
      why.add(
          String.format(
              java.util.Locale.ROOT,
              "%d starved: cpu.wait over %.0f %% of wall",
              starved,
              100 * Invocations.STARVED_WAIT_SHARE));
    }
    return (Invocations.succeeded(r) - starved)
        + " of "
        + Invocations.total(r)
        + (starved == 0 ? " invocations succeeded on " : " invocations usable on ")
        + name
        + (why.isEmpty() ? "" : " (" + String.join(", ", why) + ")");
  }

  /**
   * Geometric mean per metric over rows with enough samples and usable ratios: positive, with a
   * finite interval (a baseline whose resamples hit zero gives an infinite or NaN upper end).
   */
  private static Map<String, RatioEstimate> summarise(
      List<MetricComparison> rows, Function<MetricComparison, RatioEstimate> interval) {
    Map<String, List<RatioEstimate>> byMetric = new LinkedHashMap<>();
    for (MetricComparison row : rows) {
      RatioEstimate r = interval.apply(row);
      if (row.verdict() != Verdict.TOO_FEW_SAMPLES && r.low() > 0 && Double.isFinite(r.high())) {
        byMetric.computeIfAbsent(row.metric(), k -> new ArrayList<>()).add(r);
      }
    }
    Map<String, RatioEstimate> result = new LinkedHashMap<>();
    byMetric.forEach((metric, ratios) -> result.put(metric, GeometricMean.of(ratios)));
    return result;
  }

  private static Map<BenchmarkKey, BenchmarkResult> byKey(List<BenchmarkResult> results) {
    Map<BenchmarkKey, BenchmarkResult> map = new LinkedHashMap<>();
    for (BenchmarkResult r : results) {
      if (map.putIfAbsent(r.key(), r) != null) {
        throw new IllegalArgumentException("benchmark listed twice in one file: " + r.key());
      }
    }
    return map;
  }

  /**
   * The same comparison restricted to one metric (the gate's {@code --metric}).
   *
   * @throws IllegalArgumentException naming the metrics present when none has that label
   */
  public Comparison only(String metric) {
    List<MetricComparison> kept = rows.stream().filter(r -> r.metric().equals(metric)).toList();
    if (kept.isEmpty()) {
      throw new IllegalArgumentException(
          "no benchmark in both files has the metric '"
              + metric
              + "'; present: "
              + rows.stream().map(MetricComparison::metric).distinct().toList()
              + (metric.equals(ExactCounts.UNIT)
                  ? " (instructions are counted with --instructions on the main job or run)"
                  : ""));
    }
    return new Comparison(
        baselineName,
        candidateName,
        options,
        kept,
        summarise(kept, MetricComparison::ratio),
        onlyInBaseline,
        onlyInCandidate);
  }

  public List<MetricComparison> rows() {
    return rows;
  }

  public List<MetricComparison> regressions() {
    return rows.stream().filter(r -> r.verdict() == Verdict.REGRESSION).toList();
  }

  /** The CI gate: fails only on significant regressions beyond the threshold. */
  public boolean gatePasses() {
    return regressions().isEmpty();
  }

  public Map<String, RatioEstimate> summaries() {
    return summaries;
  }

  /**
   * Geometric means of the independent (unpaired) intervals; the same as {@link #summaries()}
   * unless the options pair by round, where they show what pairing gained.
   */
  public Map<String, RatioEstimate> unpairedSummaries() {
    return unpairedSummaries;
  }

  public long count(Verdict verdict) {
    return rows.stream().filter(r -> r.verdict() == verdict).count();
  }

  public String baselineName() {
    return baselineName;
  }

  public String candidateName() {
    return candidateName;
  }

  public CompareOptions options() {
    return options;
  }

  public List<BenchmarkKey> onlyInBaseline() {
    return onlyInBaseline;
  }

  public List<BenchmarkKey> onlyInCandidate() {
    return onlyInCandidate;
  }
}
