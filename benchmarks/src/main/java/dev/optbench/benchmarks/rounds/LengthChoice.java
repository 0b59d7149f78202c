package dev.optbench.benchmarks.rounds;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * How long a unit must last for this machine to time it well, and by how much a short one is
 * lengthened. A unit's cost (CPU time, which is its wall time on the one pinned CPU it runs on)
 * grows linearly with the amount of media it processes: {@code cost = start + perLength × factor},
 * where {@code start} (ffmpeg's launch, codec set-up) does not grow. Two timings on the baseline
 * (factor 1 and 4) give both terms, so the factor that reaches the floor is predicted rather than
 * found by trial.
 *
 * <p>The floor is the larger of the user's minimum and 100 × the launch jitter (the robust spread
 * of ffmpeg's own start-up, measured on this machine just before), so the jitter of starting the
 * process is at most 1 % of a unit. Factors are powers of two, so the same unit on a similar
 * machine gets the same factor (and id) run after run.
 */
public final class LengthChoice {
  /** Longest lengthening: a 20 ms unit reaches about 300 ms; more would be a different unit. */
  public static final int MAX_FACTOR = 32;

  /** 1.4826 × MAD estimates a normal standard deviation, robust to the odd slow launch. */
  private static final double MAD_TO_SD = 1.4826;

  private LengthChoice() {}

  /** The launch jitter's robust standard deviation, ms, from ffmpeg's start-up walls. */
  public static double jitterMs(List<Double> launchWallsMs) {
    if (launchWallsMs.size() < 3) {
      throw new IllegalArgumentException("need at least 3 launches, got " + launchWallsMs.size());
    }
    double[] w = launchWallsMs.stream().mapToDouble(Double::doubleValue).toArray();
    double median = new Median().evaluate(w);
    double[] deviations = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      deviations[i] = Math.abs(w[i] - median);
    }
    return MAD_TO_SD * new Median().evaluate(deviations);
  }

  /** The shortest unit this machine times well, ms. */
  public static double floorMs(double minimumMs, double jitterMs) {
    return Math.max(minimumMs, 100 * jitterMs);
  }

  /**
   * The smallest power-of-two factor (at most {@link #MAX_FACTOR}) at which the unit is predicted
   * to last {@code floorMs}; 1 when it already does, or when more media does not make it longer
   * (its cost is all start-up: lengthening would not help).
   *
   * @param costAt1Ms the unit's median cost as written
   * @param costAt4Ms its median cost with four times the media
   */
  public static int factor(double costAt1Ms, double costAt4Ms, double floorMs) {
    if (costAt1Ms >= floorMs) {
      return 1;
    }
    double perLength = (costAt4Ms - costAt1Ms) / 3;
    if (!(perLength > 0)) {
      return 1;
    }
    double start = costAt1Ms - perLength;
    int k = 2;
    while (k < MAX_FACTOR && start + perLength * k < floorMs) {
      k *= 2;
    }
    return k;
  }

  /** The predicted cost at {@code factor}, ms, from the same two timings. */
  public static double predictedMs(double costAt1Ms, double costAt4Ms, int factor) {
    double perLength = (costAt4Ms - costAt1Ms) / 3;
    return costAt1Ms + perLength * (factor - 1);
  }
}
