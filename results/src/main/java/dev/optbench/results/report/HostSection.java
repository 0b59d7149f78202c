package dev.optbench.results.report;

/** The host the numbers were measured on, folded: it matters when numbers surprise. */
final class HostSection implements ReportSection {
  @Override
  public void render(StringBuilder out, ReportContext context) {
    out.append("<section><h2>Host</h2>");
    if (context.input().host().isEmpty()) {
      out.append("<p class=\"muted\">No host information was given to the report.</p>");
    } else {
      out.append("<details><summary>Host facts and checks</summary><div class=\"scroll\">");
      Html.value(out, context.input().host());
      out.append("</div></details>");
    }
    out.append("</section>");
  }
}
