package dev.optbench.results.stats;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/** The location statistic a ratio compares: mean (JMH's score) or median (robust to outliers). */
public enum Statistic {
  MEAN {
    @Override
    public double of(double[] values) {
      return StatUtils.mean(values);
    }
  },
  MEDIAN {
    @Override
    public double of(double[] values) {
      return new Median().evaluate(values);
    }
  };

  public abstract double of(double[] values);
}
