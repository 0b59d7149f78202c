package dev.optbench.results.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Outliers by the modified z-score of Iglewicz and Hoaglin: {@code 0.6745 (x - median) / MAD >
 * 3.5}. Robust (one wild value cannot hide another by inflating the spread). Outliers are only
 * reported, never removed: a slow run is data about the program or the machine.
 */
public record Outliers(List<Integer> indices, double median, double mad) {
  static final double THRESHOLD = 3.5;

  public static Outliers of(double[] values) {
    Median median = new Median();
    double m = median.evaluate(values);
    double[] deviations = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      deviations[i] = Math.abs(values[i] - m);
    }
    double mad = median.evaluate(deviations);
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      // MAD = 0 (more than half the values equal): anything different stands out.
      double z =
          mad == 0
              ? (deviations[i] == 0 ? 0 : Double.POSITIVE_INFINITY)
              : 0.6745 * deviations[i] / mad;
      if (z > THRESHOLD) {
        indices.add(i);
      }
    }
    return new Outliers(List.copyOf(indices), m, mad);
  }

  public int count() {
    return indices.size();
  }
}
