package dev.optbench.benchmarks.rounds;

import dev.optbench.results.compare.CompareOptions;
import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.MetricComparison;
import dev.optbench.results.compare.Verdict;
import dev.optbench.results.jmh.Invocations;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.report.VerdictMetric;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When an interleaved run has enough rounds: after the planned rounds, every (variant, unit) ratio
 * to the baseline on the metric the verdict will use (wall time, or CPU time on a contended run:
 * {@link VerdictMetric}) must have a 95 % interval within {@code ±halfWidth}; until then rounds are
 * added, at most up to {@code maxRounds}. The intervals are the verdict's own (same-round pairs,
 * bootstrap over rounds, failed and starved invocations left out), so the run stops on what the
 * summary will print, not on a proxy.
 *
 * <p>How many rounds to add: the interval narrows with the square root of the rounds, so the widest
 * one asks for {@code n·(width/target)²} in all; at most as many again as were run (the estimate
 * rests on a few rounds) and at least 2. Checking after each batch and stopping when the target is
 * met makes the stopping depend on the data, which widens the true error of the final interval a
 * little (sequential testing); the verdict's threshold and test are unchanged, and the run says how
 * many rounds it used and why.
 *
 * @param halfWidth e.g. 0.02 for ±2 %; 0 switches the target off (the run has its planned rounds)
 */
public record PrecisionTarget(double halfWidth, int maxRounds, Scope scope) {
  /** The null object: the planned rounds, no more. */
  public static final PrecisionTarget OFF = new PrecisionTarget(0, 0);

  /** Which intervals must be narrow enough. */
  public enum Scope {
    /** Every (variant, unit) ratio: {@code --precision}. */
    UNIT,
    /**
     * Every variant's ratio over all units (the geometric mean the summary's first table and the
     * headline print): the default without {@code -i}, so a quiet machine stops early while a busy
     * one gets the rounds that the overall answer needs.
     */
    VARIANT
  }

  /** A target on every (variant, unit) ratio. */
  public PrecisionTarget(double halfWidth, int maxRounds) {
    this(halfWidth, maxRounds, Scope.UNIT);
  }

  public PrecisionTarget {
    if (halfWidth < 0 || halfWidth >= 1) {
      throw new IllegalArgumentException(
          "--precision is a percentage above 0 and below 100 (e.g. 2 for ±2 %)");
    }
  }

  public boolean active() {
    return halfWidth > 0;
  }

  /** What to do after {@code roundsDone} rounds, with the sentence that says why. */
  public record Step(int moreRounds, String reason) {}

  /**
   * @param variants each variant's results so far (params {@code unit}), baseline included
   */
  public Step next(Map<String, List<BenchmarkResult>> variants, String baseline, int roundsDone) {
    if (!active()) {
      return new Step(0, "");
    }
    Collection<Comparison> comparisons =
        Comparison.againstBaseline(baseline, variants, CompareOptions.defaults().withPaired(true))
            .values();
    VerdictMetric metric = VerdictMetric.of(comparisons);
    List<Interval> intervals =
        scope == Scope.UNIT
            ? intervals(comparisons, metric.name())
            : overall(comparisons, metric.name());
    List<Starved> starved = starved(comparisons, variants, baseline, metric.name());
    String noInterval = withoutInterval(comparisons, metric.name(), starved);
    Optional<Interval> widest = intervals.stream().max(Comparator.comparingDouble(Interval::half));
    double width = halfWidthFor(metric);
    String target = percent(width);
    if (!starved.isEmpty()) {
      return forStarved(starved, widest, width, roundsDone, noInterval);
    }
    if (widest.isEmpty()) {
      return new Step(0, "precision: no interval to narrow" + noInterval);
    }
    Interval w = widest.get();
    long wide = intervals.stream().filter(i -> i.half() > width).count();
    if (w.half() <= width) {
      return new Step(
          0,
          String.format(
              Locale.ROOT,
              "precision: every %s of %s within %s after %d rounds (widest %s, %s)%s",
              noun(),
              metric.noun(),
              target,
              roundsDone,
              percent(w.half()),
              w.where(),
              noInterval));
    }
    if (roundsDone >= maxRounds) {
      return new Step(
          0,
          String.format(
              Locale.ROOT,
              "precision: stopped at %d rounds (--max-rounds): %d of %d %s of %s still"
                  + " wider than %s, widest %s (%s)%s",
              roundsDone,
              wide,
              intervals.size(),
              plural(),
              metric.noun(),
              target,
              percent(w.half()),
              w.where(),
              noInterval));
    }
    double ratio = w.half() / width;
    int needed = (int) Math.ceil(roundsDone * ratio * ratio);
    int more = Math.max(2, Math.min(needed - roundsDone, roundsDone));
    more = Math.min(more, maxRounds - roundsDone);
    return new Step(
        more,
        String.format(
            Locale.ROOT,
            "precision: after %d rounds %d of %d %s of %s are wider than %s, widest %s"
                + " (%s): %d more rounds (at most %d in all)%s",
            roundsDone,
            wide,
            intervals.size(),
            plural(),
            metric.noun(),
            target,
            percent(w.half()),
            w.where(),
            more,
            maxRounds,
            noInterval));
  }

  /**
   * Rounds for ratios that have no interval only because starved invocations (the machine's other
   * load, which passes) left too few usable rounds: as many more as were starved on the worse pair,
   * at least 2, and never fewer than the widest interval asks for.
   */
  private Step forStarved(
      List<Starved> starved,
      Optional<Interval> widest,
      double width,
      int roundsDone,
      String noInterval) {
    Starved worst = starved.stream().max(Comparator.comparingInt(Starved::count)).orElseThrow();
    if (roundsDone >= maxRounds) {
      return new Step(
          0,
          String.format(
              Locale.ROOT,
              "precision: stopped at %d rounds (--max-rounds): %d ratios still short of usable"
                  + " rounds because invocations were starved (worst %s: %d starved)%s",
              roundsDone,
              starved.size(),
              worst.where(),
              worst.count(),
              noInterval));
    }
    int more = Math.max(2, Math.min(worst.count(), roundsDone));
    if (widest.isPresent() && widest.get().half() > width) {
      double ratio = widest.get().half() / width;
      int needed = (int) Math.ceil(roundsDone * ratio * ratio) - roundsDone;
      more = Math.max(more, Math.min(needed, roundsDone));
    }
    more = Math.min(more, maxRounds - roundsDone);
    return new Step(
        more,
        String.format(
            Locale.ROOT,
            "precision: after %d rounds %d ratios are short of usable rounds because invocations"
                + " were starved (worst %s: %d starved): %d more rounds (at most %d in all)%s",
            roundsDone,
            starved.size(),
            worst.where(),
            worst.count(),
            more,
            maxRounds,
            noInterval));
  }

  /** A ratio without an interval for want of unstarved rounds, and how many were starved. */
  private record Starved(MetricComparison row, String unit, String variant, int count) {
    String where() {
      return unit + " on " + variant;
    }
  }

  private static List<Starved> starved(
      Collection<Comparison> comparisons,
      Map<String, List<BenchmarkResult>> variants,
      String baseline,
      String metric) {
    List<Starved> out = new ArrayList<>();
    for (Comparison c : comparisons) {
      for (MetricComparison row : c.rows()) {
        if (!row.metric().equals(metric) || row.verdict() != Verdict.TOO_FEW_SAMPLES) {
          continue;
        }
        Optional<BenchmarkResult> base = find(variants.get(baseline), row);
        Optional<BenchmarkResult> cand = find(variants.get(c.candidateName()), row);
        if (base.isEmpty() || cand.isEmpty()) {
          continue;
        }
        int failed = Invocations.failed(base.get()) + Invocations.failed(cand.get());
        int hungry = Invocations.starved(base.get()) + Invocations.starved(cand.get());
        if (failed == 0 && hungry > 0) {
          out.add(new Starved(row, unit(row), c.candidateName(), hungry));
        }
      }
    }
    return out;
  }

  private static Optional<BenchmarkResult> find(
      List<BenchmarkResult> results, MetricComparison row) {
    return results == null
        ? Optional.empty()
        : results.stream().filter(r -> r.key().equals(row.key())).findFirst();
  }

  /** The target's half-width on {@code metric} (see {@link Scope#VARIANT}). */
  private double halfWidthFor(VerdictMetric metric) {
    boolean wall = metric.name().equals(VerdictMetric.PROCESS_WALL);
    return scope == Scope.VARIANT && !wall ? halfWidth / 2 : halfWidth;
  }

  private String noun() {
    return scope == Scope.UNIT ? "interval" : "variant's overall interval";
  }

  private String plural() {
    return scope == Scope.UNIT ? "intervals" : "variants' overall intervals";
  }

  /** Each variant's overall ratio (geometric mean over its units) and its interval. */
  private static List<Interval> overall(Collection<Comparison> comparisons, String metric) {
    List<Interval> out = new ArrayList<>();
    for (Comparison c : comparisons) {
      dev.optbench.results.stats.RatioEstimate r = c.summaries().get(metric);
      if (r != null && Double.isFinite(r.ratio()) && r.low() > 0 && Double.isFinite(r.high())) {
        double half = Math.max(r.high() / r.ratio() - 1, 1 - r.low() / r.ratio());
        out.add(new Interval("all units", c.candidateName(), half));
      }
    }
    return out;
  }

  /** One ratio's 95 % interval as a half-width relative to the ratio, and where it is. */
  private record Interval(String unit, String variant, double half) {
    String where() {
      return unit + " on " + variant;
    }
  }

  private static List<Interval> intervals(Collection<Comparison> comparisons, String metric) {
    List<Interval> out = new ArrayList<>();
    for (Comparison c : comparisons) {
      for (MetricComparison row : c.rows()) {
        if (row.metric().equals(metric) && row.hasRatio()) {
          double r = row.ratio().ratio();
          double half = Math.max(row.ratio().high() / r - 1, 1 - row.ratio().low() / r);
          out.add(new Interval(unit(row), c.candidateName(), half));
        }
      }
    }
    return out;
  }

  /**
   * Ratios that have no interval (every invocation failed or starved on a side, or too few were
   * left): more rounds are not run for them, since failures repeat; said, never silent.
   */
  private static String withoutInterval(
      Collection<Comparison> comparisons, String metric, List<Starved> chased) {
    List<MetricComparison> chasedRows = chased.stream().map(Starved::row).toList();
    long none =
        comparisons.stream()
            .flatMap(c -> c.rows().stream())
            .filter(r -> r.metric().equals(metric) && !r.zeroInBoth())
            .filter(r -> !r.hasRatio() || r.verdict() == Verdict.TOO_FEW_SAMPLES)
            .filter(r -> !chasedRows.contains(r))
            .count();
    return none == 0
        ? ""
        : "; " + none + " without a verdict (failed invocations or too few rounds), not chased";
  }

  private static String unit(MetricComparison row) {
    return row.key().params().getOrDefault("unit", row.key().display());
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "±%.1f %%", 100 * fraction);
  }
}
