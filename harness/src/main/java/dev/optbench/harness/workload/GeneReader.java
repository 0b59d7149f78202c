package dev.optbench.harness.workload;

import java.util.Arrays;
import java.util.List;

/**
 * Decodes a genome while rendering one command and remembers, per parameter, the normalised value
 * actually used. That record is the input-space descriptor: parameters the template ignores stay at
 * 0, so genes that cannot change the command cannot make it look novel.
 */
final class GeneReader {
  private final Genome genome;
  private final double[] used = new double[Param.values().length];

  GeneReader(Genome genome) {
    this.genome = genome;
  }

  String choice(Param p, List<String> values) {
    Domain.Choice d = new Domain.Choice(values);
    return d.pick(record(p, d));
  }

  int integer(Param p, Domain.IntRange range) {
    return range.value(record(p, range));
  }

  double real(Param p, Domain.Real range) {
    return range.value(record(p, range));
  }

  private double record(Param p, Domain d) {
    double gene = genome.gene(p);
    used[p.ordinal()] = d.normalise(gene);
    return gene;
  }

  /** One-hot template, then the used parameters (TEMPLATE's own slot is left 0). */
  double[] descriptor(Template template) {
    int templates = Template.values().length;
    double[] d = new double[templates + used.length];
    d[template.ordinal()] = 1;
    System.arraycopy(used, 0, d, templates, used.length);
    d[templates + Param.TEMPLATE.ordinal()] = 0;
    return d;
  }

  @Override
  public String toString() {
    return Arrays.toString(used);
  }
}
