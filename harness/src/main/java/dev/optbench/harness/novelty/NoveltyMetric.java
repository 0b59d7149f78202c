package dev.optbench.harness.novelty;

import java.util.Arrays;
import java.util.Collection;

/** Novelty: mean Euclidean distance to the k nearest valid others (Lehman and Stanley). */
final class NoveltyMetric {
  private NoveltyMetric() {}

  static double distance(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  /** Invalid individuals score 0: they must not survive, and have no meaningful behaviour. */
  static double score(Individual x, Collection<Individual> neighbours, int k) {
    if (!x.valid()) {
      return 0;
    }
    double[] d =
        neighbours.stream()
            .filter(n -> n != x && n.valid())
            .mapToDouble(n -> distance(x.descriptor(), n.descriptor()))
            .sorted()
            .toArray();
    if (d.length == 0) {
      return 0;
    }
    return Arrays.stream(d, 0, Math.min(k, d.length)).average().orElse(0);
  }
}
