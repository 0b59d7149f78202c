package dev.optbench.results.report;

import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.MetricComparison;
import dev.optbench.results.compare.Verdict;
import dev.optbench.results.stats.RatioEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One sentence per variant on the metric the verdict used, named, e.g. "O3: 1.2 % less wall time
 * than O2 (95 % CI 0.2–2.1 % less), faster on 4 of 6 commands, same output". The same sentences
 * open the console summary, summary.md and the report.
 */
public final class Headlines {
  private Headlines() {}

  /**
   * @param variant the candidate
   * @param sentence the whole sentence, starting with the variant's name
   * @param outputDiffers whether its functional-check output differs from the reference's, or one
   *     of FFmpeg's own tests (FATE) failed on it
   */
  public record Headline(String variant, String sentence, boolean outputDiffers) {}

  public static List<Headline> of(
      String baseline, Map<String, Comparison> comparisons, List<Map<String, Object>> manifests) {
    VerdictMetric metric = VerdictMetric.of(comparisons.values());
    FunctionalOutput output = new FunctionalOutput(manifests, baseline);
    List<Headline> lines = new ArrayList<>();
    for (Map.Entry<String, Comparison> e : comparisons.entrySet()) {
      String variant = e.getKey();
      List<String> parts = new ArrayList<>();
      parts.add(
          change(
              metric,
              baseline,
              e.getValue().summaries().get(metric.name()),
              why(metric, e.getValue())));
      parts.add(commands(metric, e.getValue()));
      String out = output.checks(variant);
      if (!out.isEmpty()) {
        parts.add(out);
      }
      boolean differs = FunctionalOutput.bad(out);
      lines.add(new Headline(variant, variant + ": " + String.join(", ", parts), differs));
    }
    return lines;
  }

  /** What the verdict metric is, for a line above the sentences. */
  public static String about(Map<String, Comparison> comparisons, String baseline) {
    VerdictMetric m = VerdictMetric.of(comparisons.values());
    return "Verdict on "
        + m.noun()
        + " ("
        + m.name()
        + "): geometric mean over commands of each variant's ratio to "
        + baseline
        + ", with its bootstrap interval; a command counts as "
        + m.better()
        + " or "
        + m.worse()
        + " only when its own difference is significant and beyond the threshold."
        + (m.reason().isEmpty()
            ? ""
            : " "
                + m.noun().substring(0, 1).toUpperCase(Locale.ROOT)
                + m.noun().substring(1)
                + " because "
                + m.reason()
                + ".");
  }

  /** Why a variant has no summary ratio on the metric, in a few words. */
  static String why(VerdictMetric m, Comparison c) {
    boolean tooFew =
        c.rows().stream()
            .anyMatch(r -> r.metric().equals(m.name()) && r.verdict() == Verdict.TOO_FEW_SAMPLES);
    return tooFew
        ? "fewer than "
            + c.options().requiredSamples()
            + (c.options().paired() ? " usable rounds" : " usable values per side")
            + " on a command (failed or starved invocations do not count): see the lines per"
            + " command"
        : "no command has a usable ratio";
  }

  /** "1.2 % less wall time than O2 (95 % CI 0.2–2.1 % less)" or "2.19× the wall time of O2 …". */
  static String change(VerdictMetric m, String baseline, RatioEstimate r, String why) {
    if (r == null || !Double.isFinite(r.ratio()) || !(r.low() > 0) || !Double.isFinite(r.high())) {
      return "no " + m.noun() + " ratio to " + baseline + " (" + why + ")";
    }
    String ci = percent(r.confidence() * 100) + " % CI ";
    if (r.ratio() >= 2) {
      return String.format(
          Locale.ROOT,
          "%.2f× the %s of %s (%s%.2f–%.2f×)",
          r.ratio(),
          m.noun(),
          baseline,
          ci,
          r.low(),
          r.high());
    }
    String point =
        r.ratio() == 1
            ? "the same " + m.noun() + " as " + baseline
            : percent(Math.abs(r.ratio() - 1) * 100)
                + " % "
                + (r.ratio() < 1 ? "less " : "more ")
                + m.noun()
                + " than "
                + baseline;
    String interval;
    if (r.high() < 1) {
      interval = percent((1 - r.high()) * 100) + "–" + percent((1 - r.low()) * 100) + " % less";
    } else if (r.low() > 1) {
      interval = percent((r.low() - 1) * 100) + "–" + percent((r.high() - 1) * 100) + " % more";
    } else {
      interval =
          percent((1 - r.low()) * 100)
              + " % less to "
              + percent((r.high() - 1) * 100)
              + " % more: undecided";
    }
    return point + " (" + ci + interval + ")";
  }

  /** "faster on 4 of 6 commands", "faster on 1 and slower on 2 of 6 commands". */
  static String commands(VerdictMetric m, Comparison c) {
    List<MetricComparison> rows =
        c.rows().stream().filter(r -> r.metric().equals(m.name())).toList();
    long better = rows.stream().filter(r -> r.verdict() == Verdict.IMPROVEMENT).count();
    long worse = rows.stream().filter(r -> r.verdict() == Verdict.REGRESSION).count();
    String of = " of " + rows.size() + (rows.size() == 1 ? " command" : " commands");
    if (better == 0 && worse == 0) {
      return "no command clearly " + m.better() + " or " + m.worse() + " (" + rows.size() + ")";
    }
    if (worse == 0) {
      return m.better() + " on " + better + of;
    }
    if (better == 0) {
      return m.worse() + " on " + worse + of;
    }
    return m.better() + " on " + better + " and " + m.worse() + " on " + worse + of;
  }

  /** One decimal below 10, whole numbers above: "1.2", "37". */
  static String percent(double value) {
    return value < 9.95
        ? String.format(Locale.ROOT, "%.1f", value)
        : String.format(Locale.ROOT, "%.0f", value);
  }
}
