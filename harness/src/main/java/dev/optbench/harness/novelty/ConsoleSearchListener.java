package dev.optbench.harness.novelty;

import dev.optbench.harness.workload.WorkloadWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** One line per generation on a console stream, and a sentence per ffmpeg crash found. */
public final class ConsoleSearchListener implements SearchListener {
  private static final Map<Integer, String> SIGNALS =
      Map.of(
          4, "SIGILL", 5, "SIGTRAP", 6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE", 9, "SIGKILL", 11,
          "SIGSEGV", 15, "SIGTERM");

  private final PrintStream out;
  private final String findings;

  /** Crashes are said to be kept "next to the workload" (the file name is not known here). */
  public ConsoleSearchListener(PrintStream out) {
    this.out = out;
    this.findings = "the workload's .crashes.json";
  }

  /**
   * @param workload the workload file being generated; crash findings go next to it
   */
  public ConsoleSearchListener(PrintStream out, Path workload) {
    this.out = out;
    this.findings = WorkloadWriter.sibling(workload, ".crashes.json").toString();
  }

  @Override
  public void generationDone(SearchProgress p) {
    out.println(
        String.format(
            Locale.ROOT,
            "[%s] generation %d: %d of %d commands tried, %.0f%% ran cleanly, %d distinct"
                + " behaviours kept, %.1f commands/min",
            p.search(),
            p.generation(),
            p.evaluations(),
            p.budget(),
            100 * p.validityRate(),
            p.archiveSize(),
            p.evaluationsPerMinute()));
  }

  @Override
  public void crashFound(Individual crash) {
    out.println(crashLine(crash.evaluation().signal(), String.join(" ", crash.command().argv())));
  }

  /**
   * "ffmpeg crashed (SIGABRT) on a generated command; kept as a finding in FILE, not used as a
   * unit: ffmpeg -i ...": a crash is ffmpeg's bug, found by the search, not optbench failing.
   */
  String crashLine(int signal, String command) {
    String name = SIGNALS.getOrDefault(signal, "signal " + signal);
    return "ffmpeg crashed ("
        + name
        + ") on a generated command; kept as a finding in "
        + findings
        + ", not used as a unit: "
        + command;
  }
}
