package dev.optbench.harness.novelty;

import java.io.PrintStream;
import java.util.Locale;

/** One line per generation on a console stream. */
public final class ConsoleSearchListener implements SearchListener {
  private final PrintStream out;

  public ConsoleSearchListener(PrintStream out) {
    this.out = out;
  }

  @Override
  public void generationDone(SearchProgress p) {
    out.println(
        String.format(
            Locale.ROOT,
            "[%s] generation %d: %d/%d evaluations, archive %d, %.1f eval/min, valid %.0f%%",
            p.search(),
            p.generation(),
            p.evaluations(),
            p.budget(),
            p.archiveSize(),
            p.evaluationsPerMinute(),
            100 * p.validityRate()));
  }

  @Override
  public void crashFound(Individual crash) {
    out.println(
        "["
            + "crash"
            + "] signal "
            + crash.evaluation().signal()
            + ": "
            + String.join(" ", crash.command().argv()));
  }
}
