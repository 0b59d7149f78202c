package dev.optbench.benchmarks.job;

import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.MetricComparison;
import dev.optbench.results.compare.Verdict;
import dev.optbench.results.format.ResultFormatFactory;
import dev.optbench.results.report.Headlines;
import dev.optbench.results.report.VerdictMetric;
import dev.optbench.results.stats.RatioEstimate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The main job's Markdown: {@code summary.md} fits on one screen (headline, verdict table,
 * warnings, links; at most {@link #MAX_LINES} lines), {@code summary-full.md} holds every command
 * and metric. Neither says "GATE": only {@code compare} is a gate.
 */
final class SummaryMarkdown {
  static final int MAX_LINES = 60;
  static final int MAX_WARNINGS = 10;

  private SummaryMarkdown() {}

  static String summary(
      String run,
      RunSummary summary,
      List<Headlines.Headline> headlines,
      List<String> warnings,
      List<String> files) {
    Map<String, Comparison> comparisons = summary.comparisons();
    VerdictMetric metric = VerdictMetric.of(comparisons.values());
    String baseline = summary.baseline();
    StringBuilder md = new StringBuilder("# optbench ").append(run).append("\n\n");
    md.append(Headlines.about(comparisons, baseline)).append("\n\n");
    for (Headlines.Headline h : headlines) {
      md.append("- ")
          .append(h.outputDiffers() ? "**" + escape(h.sentence()) + "**" : escape(h.sentence()))
          .append('\n');
    }
    md.append("\n| variant |");
    RunSummary.HEADLINE_METRICS.forEach(
        m -> md.append(' ').append(m).append(" / ").append(baseline).append(" |"));
    md.append(" commands (")
        .append(metric.name())
        .append("): ")
        .append(metric.worse())
        .append(" / ")
        .append(metric.better())
        .append(" / same / undecided | output |\n|---|");
    md.append("---:|".repeat(RunSummary.HEADLINE_METRICS.size())).append("---|---|\n");
    md.append("| ").append(baseline).append(" | baseline |");
    md.append(" |".repeat(RunSummary.HEADLINE_METRICS.size() - 1)).append(" | reference |\n");
    for (Headlines.Headline h : headlines) {
      Comparison c = comparisons.get(h.variant());
      md.append("| ").append(h.variant()).append(" |");
      for (String m : RunSummary.HEADLINE_METRICS) {
        md.append(' ').append(ratio(c.summaries().get(m))).append(" |");
      }
      md.append(' ').append(counts(c, metric.name())).append(" | ");
      md.append(h.outputDiffers() ? "**differs**" : output(h.sentence())).append(" |\n");
    }
    md.append('\n').append(escape(summary.contention())).append('\n');
    if (!warnings.isEmpty()) {
      md.append("\n## Warnings\n\n");
      warnings.stream()
          .limit(MAX_WARNINGS)
          .forEach(w -> md.append("- ").append(escape(w)).append('\n'));
      if (warnings.size() > MAX_WARNINGS) {
        md.append("- … and ")
            .append(warnings.size() - MAX_WARNINGS)
            .append(" more in summary-full.md\n");
      }
    }
    md.append("\n## Files\n\n");
    files.forEach(f -> md.append("- ").append(f).append('\n'));
    return md.toString();
  }

  /** Every warning, the median wall time of every unit, and every comparison's rows. */
  static String full(String run, RunSummary summary, List<String> warnings) {
    StringBuilder md = new StringBuilder("# optbench ").append(run).append(": every command\n\n");
    md.append("Ratios are candidate / ")
        .append(summary.baseline())
        .append(
            " (above 1: more time, CPU or memory). Metrics that are 0 on both sides for every"
                + " command are listed once, not per row.\n\n");
    if (!warnings.isEmpty()) {
      md.append("## Warnings\n\n");
      warnings.forEach(w -> md.append("- ").append(escape(w)).append('\n'));
      md.append('\n');
    }
    md.append("## Median wall time per unit\n\n```\n").append(summary.unitTable()).append("```\n");
    for (Comparison c : summary.comparisons().values()) {
      md.append('\n').append(ResultFormatFactory.markdownTables().render(c));
    }
    return md.toString();
  }

  static String ratio(RatioEstimate r) {
    if (r == null) {
      return "no ratio";
    }
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", r.ratio(), r.low(), r.high());
  }

  private static String counts(Comparison c, String metric) {
    List<MetricComparison> rows = c.rows().stream().filter(r -> r.metric().equals(metric)).toList();
    long worse = rows.stream().filter(r -> r.verdict() == Verdict.REGRESSION).count();
    long better = rows.stream().filter(r -> r.verdict() == Verdict.IMPROVEMENT).count();
    long same = rows.stream().filter(r -> r.verdict() == Verdict.NO_CHANGE).count();
    return worse + " / " + better + " / " + same + " / " + (rows.size() - worse - better - same);
  }

  /** "same" where the sentence says so, else "not checked". */
  private static String output(String sentence) {
    return sentence.endsWith("same output") ? "same" : "not checked";
  }

  private static String escape(String text) {
    return text.replace("|", "\\|").replace("*", "\\*");
  }
}
