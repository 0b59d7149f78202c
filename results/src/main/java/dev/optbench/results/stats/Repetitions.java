package dev.optbench.results.stats;

/**
 * How many repetitions would narrow an interval to a target width. Interval width shrinks like
 * {@code 1/sqrt(n)}, so {@code n' = n (width / target)^2}; an estimate, since the spread itself is
 * estimated from the same few values.
 */
public final class Repetitions {
  private Repetitions() {}

  public static int needed(int n, double currentWidth, double targetWidth) {
    if (!(targetWidth > 0)) {
      throw new IllegalArgumentException("target width must be positive");
    }
    if (currentWidth <= targetWidth) {
      return n;
    }
    double factor = currentWidth / targetWidth;
    return (int) Math.min(Integer.MAX_VALUE, Math.ceil(n * factor * factor));
  }
}
