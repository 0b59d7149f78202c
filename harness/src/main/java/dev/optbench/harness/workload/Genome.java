package dev.optbench.harness.workload;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** One point of the command space: a gene in [0, 1) per {@link Param}. Immutable. */
public final class Genome {
  private static final double BELOW_ONE = Math.nextDown(1.0);
  private final double[] genes;

  public Genome(double[] genes) {
    if (genes.length != Param.values().length) {
      throw new IllegalArgumentException(
          "a genome has " + Param.values().length + " genes, got " + genes.length);
    }
    this.genes = genes.clone();
    for (int i = 0; i < this.genes.length; i++) {
      this.genes[i] = clamp(this.genes[i]);
    }
  }

  public static Genome random(RandomGenerator random) {
    double[] g = new double[Param.values().length];
    for (int i = 0; i < g.length; i++) {
      g[i] = random.nextDouble();
    }
    return new Genome(g);
  }

  public double gene(Param p) {
    return genes[p.ordinal()];
  }

  public double[] genes() {
    return genes.clone();
  }

  public int size() {
    return genes.length;
  }

  static double clamp(double g) {
    return Double.isNaN(g) ? 0 : Math.max(0, Math.min(BELOW_ONE, g));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Genome other && Arrays.equals(genes, other.genes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(genes);
  }
}
