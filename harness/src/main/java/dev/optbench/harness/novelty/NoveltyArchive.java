package dev.optbench.harness.novelty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Individuals that were novel when found. The entry threshold adapts so the archive keeps growing
 * at a useful pace; past the size limit the most crowded entry (nearest to another) goes, which
 * keeps the archive spread out rather than merely recent.
 */
final class NoveltyArchive {
  private final SearchConfig config;
  private final List<Individual> entries = new ArrayList<>();
  private double threshold;
  private int quietGenerations;

  NoveltyArchive(SearchConfig config) {
    this.config = config;
    this.threshold = config.initialThreshold();
  }

  /** Sets the automatic threshold from the first population if none was configured. */
  void calibrate(List<Individual> first) {
    if (threshold > 0) {
      return;
    }
    double[] n =
        first.stream()
            .filter(Individual::valid)
            .mapToDouble(Individual::novelty)
            .sorted()
            .toArray();
    threshold = n.length == 0 ? 1e-6 : Math.max(1e-6, n[n.length / 2]);
  }

  /** Offers a generation's candidates; returns how many were admitted, then adapts. */
  int offer(List<Individual> candidates) {
    int added = 0;
    for (Individual c : candidates) {
      if (c.valid() && c.novelty() > threshold) {
        entries.add(c);
        added++;
        if (entries.size() > config.archiveLimit()) {
          entries.remove(mostCrowded());
        }
      }
    }
    adapt(added);
    return added;
  }

  private void adapt(int added) {
    if (added > config.addHigh()) {
      threshold *= config.thresholdRaise();
    }
    quietGenerations = added == 0 ? quietGenerations + 1 : 0;
    if (quietGenerations >= config.stagnationGenerations()) {
      threshold *= config.thresholdLower();
      quietGenerations = 0;
    }
  }

  private Individual mostCrowded() {
    Comparator<Individual> crowding =
        Comparator.comparingDouble((Individual e) -> NoveltyMetric.score(e, entries, 1))
            .thenComparingLong(Individual::id);
    return entries.stream().min(crowding).orElseThrow();
  }

  List<Individual> entries() {
    return List.copyOf(entries);
  }

  double threshold() {
    return threshold;
  }

  int size() {
    return entries.size();
  }
}
