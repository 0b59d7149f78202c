package dev.optbench.results.report;

/** The run's warnings (machine unfit, failed invocations, missing trials), shown prominently. */
final class WarningsSection implements ReportSection {
  @Override
  public void render(StringBuilder out, ReportContext context) {
    var warnings = context.input().warnings();
    if (warnings.isEmpty()) {
      return;
    }
    out.append("<section class=\"warnings\"><h2>Warnings (")
        .append(warnings.size())
        .append(")</h2><ul>");
    warnings.forEach(w -> out.append("<li>").append(Html.esc(w)).append("</li>"));
    out.append("</ul></section>");
  }
}
