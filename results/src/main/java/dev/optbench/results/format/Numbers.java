package dev.optbench.results.format;

import java.util.Locale;

/**
 * Number spelling shared by all formats, always in {@link Locale#ROOT}: a report rendered on a
 * German machine must not say "1,05" where a parser or a reader expects "1.05".
 */
public final class Numbers {
  private Numbers() {}

  /** Spelled where a number cannot be: never "NaN" or "Infinity" in front of a reader. */
  public static final String NONE = "n/a";

  public static String ratio(double r) {
    return Double.isFinite(r) ? fmt("%.3f", r) : NONE;
  }

  /** Ratio as a signed change: 1.052 becomes "+5.2%". */
  public static String change(double r) {
    return Double.isFinite(r) ? fmt("%+.1f%%", (r - 1) * 100) : NONE;
  }

  public static String interval(double low, double high) {
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      return NONE;
    }
    return "[" + ratio(low) + ", " + ratio(high) + "]";
  }

  public static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "n/a";
    }
    return p < 0.0001 ? "<0.0001" : fmt("%.4f", p);
  }

  /** Four significant digits, plain notation for everyday magnitudes. */
  public static String value(double v) {
    if (!Double.isFinite(v)) {
      return NONE;
    }
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e7 || a < 1e-3)) {
      return fmt("%.3e", v);
    }
    return fmt(a >= 1000 ? "%.0f" : a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : "%.3f", v);
  }

  public static String percent(double fraction) {
    if (!Double.isFinite(fraction)) {
      return NONE;
    }
    return fmt("%.1f%%", fraction * 100);
  }

  public static String fixed(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return NONE;
    }
    return fmt("%." + decimals + "f", v);
  }

  private static String fmt(String pattern, double v) {
    return String.format(Locale.ROOT, pattern, v);
  }
}
