package dev.optbench.harness.novelty;

import dev.optbench.harness.workload.OptionSpace;
import java.util.Locale;

/**
 * Runs novelty search and the random baseline with the same seed, budget and evaluator, and puts
 * their behaviour-space coverage side by side. Coverage counts every valid command each search ran
 * (what it explored for the same cost), and separately what it emitted.
 */
public final class SearchComparison {
  /** Grid resolution for coverage (10 cells per dimension). */
  public static final int DEFAULT_CELLS = 10;

  public record Report(
      SearchResult novelty,
      SearchResult random,
      Coverage noveltyExplored,
      Coverage randomExplored,
      Coverage noveltyEmitted,
      Coverage randomEmitted) {

    public String table() {
      return String.join(
          "\n",
          "search   evals  valid  eval/min  explored cells  emitted cells",
          row(novelty, noveltyExplored, noveltyEmitted),
          row(random, randomExplored, randomEmitted),
          "novelty explored: " + noveltyExplored.line(),
          "random  explored: " + randomExplored.line());
    }

    private static String row(SearchResult r, Coverage explored, Coverage emitted) {
      GenerationSummary s = r.summary();
      return String.format(
          Locale.ROOT,
          "%-8s %5d  %4.0f%%  %8.1f  %14d  %13d",
          r.search(),
          s.evaluations(),
          100 * s.validityRate(),
          s.evaluationsPerMinute(),
          explored.occupiedCells(),
          emitted.occupiedCells());
    }
  }

  private SearchComparison() {}

  public static Report run(
      OptionSpace space,
      Evaluator evaluator,
      DescriptorSpace descriptors,
      SearchConfig config,
      SearchListener listener,
      int cells) {
    SearchResult novelty = new NoveltySearch(space, evaluator, descriptors, config, listener).run();
    SearchResult random = new RandomSearch(space, evaluator, descriptors, config, listener).run();
    return new Report(
        novelty,
        random,
        Coverage.of(novelty.evaluated(), cells),
        Coverage.of(random.evaluated(), cells),
        Coverage.of(novelty.emitted(), cells),
        Coverage.of(random.emitted(), cells));
  }
}
