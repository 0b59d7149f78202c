package dev.optbench.results.report;

import dev.optbench.results.format.Numbers;
import dev.optbench.results.profile.DiffFlameGraph;
import dev.optbench.results.profile.RunProfiles;
import dev.optbench.results.profile.SelfChanges;
import dev.optbench.results.profile.UnitProfile;
import java.util.List;
import java.util.Optional;

/**
 * "Where the instructions went": for each variant but the baseline and each profiled unit, the
 * functions whose own instructions changed most and a differential flame graph, from the run
 * folder's callgrind profiles ({@code --instructions}). Nothing when the run has none.
 */
final class ProfileSection implements ReportSection {
  /** Rows of the table per (variant, unit); the run folder's diff file has 50. */
  static final int ROWS = 15;

  @Override
  public void render(StringBuilder out, ReportContext context) {
    render(
        out, context.input().profiles(), context.input().variants().keySet(), context.baseline());
  }

  static void render(
      StringBuilder out, RunProfiles profiles, Iterable<String> variants, String baseline) {
    if (profiles.isEmpty()) {
      return;
    }
    out.append("<section class=\"profiles\"><h2>Where the instructions went</h2>")
        .append("<p class=\"muted\">Instructions counted by callgrind (exact, user space) in one")
        .append(" extra run of each command, against ")
        .append(Html.esc(baseline))
        .append(". Tables: the functions whose own (self) instructions changed most. Flame")
        .append(" graphs: root on top, callees below, width = the variant's instructions,")
        .append(" colour = change of the frame's own instructions on that call path (red more,")
        .append(" blue fewer, grey within 2 %); hover a frame for its numbers. Frames under ")
        .append(Numbers.percent(DiffFlameGraph.MIN_SHARE))
        .append(" of a run are merged; code only the baseline runs has no width here. Callgrind")
        .append(" records calls, not stacks, so how a shared callee splits between its callers")
        .append(" is estimated; per-function counts are exact.</p>");
    boolean first = true;
    for (String variant : variants) {
      if (variant.equals(baseline)) {
        continue;
      }
      for (UnitProfile p :
          profiles.byVariant().getOrDefault(variant, java.util.Map.of()).values()) {
        Optional<UnitProfile> base = profiles.get(baseline, p.unit());
        unit(out, p, base, baseline, first);
        first = false;
      }
    }
    out.append("</section>");
  }

  private static void unit(
      StringBuilder out, UnitProfile p, Optional<UnitProfile> base, String baseline, boolean open) {
    out.append(open ? "<details open>" : "<details>")
        .append("<summary>")
        .append(Html.esc(p.variant()))
        .append(" vs ")
        .append(Html.esc(baseline))
        .append(" · ")
        .append(Html.esc(p.unit()))
        .append(": ")
        .append(ProfileNumbers.count(p.functions().total()));
    if (base.isEmpty()) {
      out.append(" instructions; ")
          .append(Html.esc(baseline))
          .append(" has no profile of this command</summary>");
      files(out, p, Optional.empty());
      out.append("</details>");
      return;
    }
    UnitProfile b = base.get();
    long bt = b.functions().total();
    out.append(" vs ")
        .append(ProfileNumbers.count(bt))
        .append(" instructions (")
        .append(ProfileNumbers.change(bt, p.functions().total()))
        .append(")</summary>");
    table(out, SelfChanges.top(b.functions(), p.functions(), ROWS), p.variant(), baseline);
    if (!p.stacks().isEmpty() && !b.stacks().isEmpty()) {
      out.append("<figure class=\"flame\">");
      FlameSvg.render(out, DiffFlameGraph.of(b.stacks(), p.stacks()), p.variant(), baseline);
      out.append("</figure>");
    } else {
      out.append("<p class=\"muted\">No folded stacks for a flame graph.</p>");
    }
    files(out, p, base);
    out.append("</details>");
  }

  private static void table(
      StringBuilder out, List<SelfChanges.Row> rows, String variant, String baseline) {
    out.append("<div class=\"scroll\"><table class=\"grid profile\"><thead><tr><th>function</th>")
        .append("<th class=\"verdict\">")
        .append(Html.esc(baseline))
        .append(" self</th><th class=\"verdict\">")
        .append(Html.esc(variant))
        .append(" self</th><th class=\"verdict\">Δ self</th><th class=\"verdict\">Δ self %</th>")
        .append("<th class=\"verdict\">Δ inclusive %</th></tr></thead><tbody>");
    for (SelfChanges.Row r : rows) {
      out.append("<tr><td class=\"fn\"><code>")
          .append(Html.esc(r.function()))
          .append("</code></td><td class=\"num\">")
          .append(ProfileNumbers.count(r.baseSelf()))
          .append("</td><td class=\"num\">")
          .append(ProfileNumbers.count(r.self()))
          .append("</td><td class=\"num\">")
          .append(ProfileNumbers.signed(r.selfChange()))
          .append("</td><td class=\"num\">")
          .append(ProfileNumbers.change(r.baseSelf(), r.self()))
          .append("</td><td class=\"num\">")
          .append(ProfileNumbers.change(r.baseInclusive(), r.inclusive()))
          .append("</td></tr>");
    }
    out.append("</tbody></table></div>");
  }

  /** Links to the raw files of both sides, relative to report.html in the run folder. */
  private static void files(StringBuilder out, UnitProfile p, Optional<UnitProfile> base) {
    out.append("<p class=\"files\">Files: ");
    links(out, p);
    base.ifPresent(
        b -> {
          out.append(" · ");
          links(out, b);
        });
    out.append("</p>");
  }

  private static void links(StringBuilder out, UnitProfile p) {
    String sep = "";
    for (String f : p.files()) {
      out.append(sep)
          .append("<a href=\"")
          .append(Html.esc(Html.href(f)))
          .append("\">")
          .append(Html.esc(f))
          .append("</a>");
      sep = ", ";
    }
  }
}
