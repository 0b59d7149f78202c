package dev.optbench.harness.novelty;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How much of behaviour space a set of valid commands covers: occupied cells of a grid over
 * normalised CPU x memory x output (see {@link Behaviour#normalised()}), and per dimension the
 * spread (max - min) and standard deviation.
 */
public record Coverage(
    int points, int cellsPerDimension, int occupiedCells, List<Spread> dimensions) {
  public static final List<String> DIMENSIONS = List.of("cpu", "memory", "output", "threads");

  public record Spread(String dimension, double min, double max, double stdDev) {
    public double range() {
      return max - min;
    }
  }

  public static Coverage of(List<Individual> individuals, int cellsPerDimension) {
    if (cellsPerDimension < 1) {
      throw new IllegalArgumentException("cellsPerDimension must be at least 1");
    }
    List<double[]> points =
        individuals.stream()
            .filter(Individual::valid)
            .map(i -> i.evaluation().behaviour().normalised())
            .toList();
    Set<List<Integer>> cells = new HashSet<>();
    for (double[] p : points) {
      cells.add(
          List.of(
              cell(p[0], cellsPerDimension),
              cell(p[1], cellsPerDimension),
              cell(p[2], cellsPerDimension)));
    }
    List<Spread> spreads =
        java.util.stream.IntStream.range(0, DIMENSIONS.size())
            .mapToObj(
                d -> spread(DIMENSIONS.get(d), points.stream().mapToDouble(p -> p[d]).toArray()))
            .toList();
    return new Coverage(points.size(), cellsPerDimension, cells.size(), spreads);
  }

  private static int cell(double v, int cells) {
    return Math.min(cells - 1, (int) (v * cells));
  }

  private static Spread spread(String name, double[] v) {
    if (v.length == 0) {
      return new Spread(name, 0, 0, 0);
    }
    double mean = java.util.Arrays.stream(v).average().orElse(0);
    double var = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length;
    return new Spread(
        name,
        java.util.Arrays.stream(v).min().orElse(0),
        java.util.Arrays.stream(v).max().orElse(0),
        Math.sqrt(var));
  }

  public String line() {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%d points, %d cells of %d",
                points,
                occupiedCells,
                cellsPerDimension * cellsPerDimension * cellsPerDimension));
    for (Spread d : dimensions) {
      s.append(
          String.format(
              Locale.ROOT,
              ", %s %.3f..%.3f (sd %.3f)",
              d.dimension(),
              d.min(),
              d.max(),
              d.stdDev()));
    }
    return s.toString();
  }
}
