package dev.optbench.results.model;

import java.util.List;
import java.util.Map;

/**
 * One metric of a benchmark as JMH writes it: the summary JMH computed plus the raw per-iteration
 * values, grouped by fork. Passive: statistics live in {@code results.stats}, not here.
 *
 * @param score mean over all iterations of all forks
 * @param scoreError half-width of the 99.9% Student-t confidence interval, NaN below 3 samples
 * @param scoreConfidence {@code [score - scoreError, score + scoreError]}
 * @param scorePercentiles keys as JMH writes them ("0.0", "50.0", ..., "100.0"), in that order
 * @param rawData one list per fork, one value per measurement iteration
 * @param extra fields this model does not interpret (e.g. {@code rawDataHistogram} of SampleTime),
 *     kept so that reading and writing a file loses nothing
 */
public record Metric(
    double score,
    double scoreError,
    List<Double> scoreConfidence,
    Map<String, Double> scorePercentiles,
    String scoreUnit,
    List<List<Double>> rawData,
    Map<String, Object> extra) {

  public Metric {
    scoreConfidence = List.copyOf(scoreConfidence);
    scorePercentiles = Maps.orderedCopy(scorePercentiles);
    rawData = rawData.stream().map(List::copyOf).toList();
    extra = Maps.orderedCopy(extra);
  }

  /** All raw values of all forks in one array, fork by fork. */
  public double[] samples() {
    return rawData.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
  }
}
