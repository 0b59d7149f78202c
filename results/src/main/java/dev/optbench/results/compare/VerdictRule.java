package dev.optbench.results.compare;

import dev.optbench.results.stats.RatioEstimate;
import dev.optbench.results.stats.Repetitions;
import java.util.Locale;

/**
 * Turns a ratio interval and a p-value into a verdict. The interval is first oriented so that
 * values above 1 mean "worse" (inverted for higher-is-better metrics); the threshold band is
 * symmetric in log space, [1/(1+t), 1+t], so a 5% slow-down and its mirror speed-up weigh alike.
 */
final class VerdictRule {
  private final CompareOptions options;

  VerdictRule(CompareOptions options) {
    this.options = options;
  }

  record Outcome(Verdict verdict, String note) {}

  Outcome decide(
      Direction direction, int nBaseline, int nCandidate, RatioEstimate ratio, double p) {
    int n = Math.min(nBaseline, nCandidate);
    int required = options.requiredSamples();
    if (n < required) {
      return new Outcome(
          Verdict.TOO_FEW_SAMPLES,
          String.format(
              Locale.ROOT,
              "%d vs %d values; need at least %d %s (%s)",
              nBaseline,
              nCandidate,
              required,
              options.paired() ? "pairs" : "per side",
              options.requiredSamplesReason()));
    }
    boolean inverted = direction == Direction.HIGHER_IS_BETTER;
    double worseLow = inverted ? 1 / ratio.high() : ratio.low();
    double worseHigh = inverted ? 1 / ratio.low() : ratio.high();
    double upper = 1 + options.maxRegression();
    double lower = 1 / upper;
    boolean significant = p < options.alpha();
    if (direction != Direction.NEUTRAL && significant && worseLow > upper) {
      return new Outcome(Verdict.REGRESSION, "");
    }
    if (direction != Direction.NEUTRAL && significant && worseHigh < lower) {
      return new Outcome(Verdict.IMPROVEMENT, "");
    }
    if (worseLow >= lower && worseHigh <= upper) {
      return new Outcome(Verdict.NO_CHANGE, "");
    }
    return new Outcome(Verdict.INCONCLUSIVE, tooWide(n, worseLow, worseHigh, direction));
  }

  private String tooWide(int n, double low, double high, Direction direction) {
    if (direction == Direction.NEUTRAL) {
      return "no known better direction (a count, or a metric about the machine); not judged";
    }
    if (!(low > 0) || !Double.isFinite(high)) {
      // A baseline at 0 (no system time, no I/O) has no ratio to any non-zero candidate.
      return "no ratio: the baseline's values are 0 (or some are), so no interval either;"
          + " compare the values themselves";
    }
    double width = high / low - 1;
    // An interval no wider than the threshold fits inside the band or clears it.
    double target = options.maxRegression();
    if (target <= 0 || width <= target) {
      return "interval straddles the threshold; the change is close to it";
    }
    return String.format(
        Locale.ROOT,
        "interval %.1f%% wide, too wide for a verdict; ~%d repetitions per side would narrow it to %.1f%%",
        width * 100,
        Repetitions.needed(n, width, target),
        target * 100);
  }
}
