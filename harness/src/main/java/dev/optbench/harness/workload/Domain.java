package dev.optbench.harness.workload;

import java.util.List;

/**
 * The type and range of one parameter. A gene is a number in [0, 1); the domain turns it into a
 * value, and the value back into a normalised coordinate for the input-space descriptor (so genes
 * that decode to the same value are at distance 0).
 */
public sealed interface Domain {

  /** Normalised [0, 1] coordinate of the value {@code gene} decodes to. */
  double normalise(double gene);

  /** One of a list of values. Constrained parameters (pixel format per encoder) use a sub-list. */
  record Choice(List<String> values) implements Domain {
    public Choice {
      if (values.isEmpty()) {
        throw new IllegalArgumentException("a choice needs at least one value");
      }
      values = List.copyOf(values);
    }

    public String pick(double gene) {
      return values.get(index(gene));
    }

    int index(double gene) {
      return Math.min(values.size() - 1, (int) (gene * values.size()));
    }

    @Override
    public double normalise(double gene) {
      return values.size() == 1 ? 0 : (double) index(gene) / (values.size() - 1);
    }
  }

  /** An integer in [min, max]; log scale for parameters that matter by ratio (bitrate, GOP). */
  record IntRange(int min, int max, boolean logScale) implements Domain {
    public IntRange {
      if (min > max || (logScale && min < 1)) {
        throw new IllegalArgumentException(
            "impossible range [" + min + ", " + max + "]" + (logScale ? " on a log scale" : ""));
      }
    }

    public int value(double gene) {
      double v =
          logScale
              ? Math.exp(Math.log(min) + gene * (Math.log(max) - Math.log(min)))
              : min + gene * (max - min);
      return (int) Math.max(min, Math.min(max, Math.round(v)));
    }

    @Override
    public double normalise(double gene) {
      if (min == max) {
        return 0;
      }
      int v = value(gene);
      return logScale
          ? (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min))
          : (double) (v - min) / (max - min);
    }
  }

  /** A real number in [min, max], rendered with two decimals (so it is reproducible as text). */
  record Real(double min, double max) implements Domain {
    public Real {
      if (!(min <= max)) {
        throw new IllegalArgumentException("impossible range [" + min + ", " + max + "]");
      }
    }

    public double value(double gene) {
      return Math.round((min + gene * (max - min)) * 100) / 100.0;
    }

    @Override
    public double normalise(double gene) {
      return min == max ? 0 : (value(gene) - min) / (max - min);
    }
  }
}
