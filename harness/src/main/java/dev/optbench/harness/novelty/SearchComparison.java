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

  private static final int[] CHECKPOINTS = {50, 100, 200, 500, 1000};

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
          "random  explored: " + randomExplored.line(),
          "explored cells after the first N evaluations (novelty / random):" + checkpoints());
    }

    /**
     * Cells after the first 50, 100, 200, 500, 1000 evaluations. A search does not look at its
     * budget until it stops, so these are what runs with those budgets would have explored (given
     * the same measurements).
     */
    private String checkpoints() {
      StringBuilder s = new StringBuilder();
      for (int n : CHECKPOINTS) {
        if (n <= novelty.evaluated().size() && n <= random.evaluated().size()) {
          int cells = noveltyExplored.cellsPerDimension();
          s.append(
              String.format(
                  Locale.ROOT,
                  " %d: %d / %d;",
                  n,
                  Coverage.of(novelty.evaluated().subList(0, n), cells).occupiedCells(),
                  Coverage.of(random.evaluated().subList(0, n), cells).occupiedCells()));
        }
      }
      return s.toString();
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

  /**
   * Reproduces the numbers in harness/WORKLOADS.md: {@code SearchComparison FFMPEG WORK_DIR SEED
   * BUDGET [input|behaviour]}.
   */
  public static void main(String[] args) {
    if (args.length < 4) {
      System.err.println("usage: SearchComparison FFMPEG WORK_DIR SEED BUDGET [input|behaviour]");
      System.exit(2);
    }
    java.nio.file.Path ffmpeg = java.nio.file.Path.of(args[0]);
    OptionSpace space =
        new OptionSpace(
            dev.optbench.harness.workload.FfmpegCapabilities.probe(
                ffmpeg, dev.optbench.harness.workload.FfmpegComponents.standard()),
            dev.optbench.harness.workload.SpaceConfig.defaults());
    Evaluator evaluator =
        new ReferenceEvaluator(
            ffmpeg,
            dev.optbench.harness.exec.ExecHelper.ensureBuilt(
                dev.optbench.harness.cache.CacheDir.resolve()),
            java.nio.file.Path.of(args[1]),
            GenerateWorkload.DEFAULT_TIMEOUT,
            space.config().inputMode());
    DescriptorSpace d =
        args.length > 4 && args[4].equals("input")
            ? DescriptorSpace.INPUT
            : DescriptorSpace.BEHAVIOUR;
    Report r =
        run(
            space,
            evaluator,
            d,
            SearchConfig.defaults(Long.parseLong(args[2]), Integer.parseInt(args[3])),
            SearchListener.NONE,
            DEFAULT_CELLS);
    System.out.println(r.table());
  }

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
