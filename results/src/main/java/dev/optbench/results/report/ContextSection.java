package dev.optbench.results.report;

import java.util.Map;

/** Build provenance per variant and the host the numbers were measured on. */
final class ContextSection {
  private ContextSection() {}

  static void provenance(StringBuilder out, ReportInput input) {
    out.append("<section><h2>Build provenance</h2>");
    if (input.manifests().isEmpty()) {
      out.append("<p class=\"muted\">No build manifests were given to the report.</p>");
    }
    out.append("<div class=\"cards\">");
    for (Map<String, Object> manifest : input.manifests()) {
      out.append("<div class=\"card\"><h3>")
          .append(Html.esc(manifest.getOrDefault("variant", "variant")))
          .append("</h3>");
      Html.value(out, manifest);
      out.append("</div>");
    }
    out.append("</div></section>");
  }

  static void host(StringBuilder out, ReportInput input) {
    out.append("<section><h2>Host</h2>");
    if (input.host().isEmpty()) {
      out.append("<p class=\"muted\">No host information was given to the report.</p>");
    } else {
      Html.value(out, input.host());
    }
    out.append("</section>");
  }

  static void warnings(StringBuilder out, ReportInput input) {
    if (input.warnings().isEmpty()) {
      return;
    }
    out.append("<section class=\"warnings\"><h2>Warnings</h2><ul>");
    input.warnings().forEach(w -> out.append("<li>").append(Html.esc(w)).append("</li>"));
    out.append("</ul></section>");
  }
}
