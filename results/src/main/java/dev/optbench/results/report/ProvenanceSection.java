package dev.optbench.results.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Build provenance as a difference from the baseline: the flags found in the binary and the
 * configure arguments that the baseline does not have (and the other way round), the binary's size,
 * and the functional check. Each variant's full manifest is one click away.
 */
final class ProvenanceSection implements ReportSection {

  @Override
  public void render(StringBuilder out, ReportContext ctx) {
    out.append("<section><h2>Build provenance: what differs from ")
        .append(Html.esc(ctx.baseline()))
        .append("</h2>");
    List<Map<String, Object>> manifests = ctx.input().manifests();
    if (manifests.isEmpty()) {
      out.append("<p class=\"muted\">No build manifests were given to the report.</p></section>");
      return;
    }
    FunctionalOutput output = new FunctionalOutput(manifests, ctx.baseline());
    Map<String, Object> base = output.manifest(ctx.baseline()).orElse(Map.of());
    Set<String> baseFlags = flags(base);
    Set<String> baseConfigure = configure(base);
    double baseSize = size(base);
    out.append("<p class=\"muted\">")
        .append(Html.esc(ctx.baseline()))
        .append("'s flags found in the binary: ");
    baseFlags.forEach(
        f -> out.append("<code class=\"chip\">").append(Html.esc(f)).append("</code> "));
    if (baseFlags.isEmpty()) {
      out.append("none recorded");
    }
    out.append(
        "</p><div class=\"scroll\"><table class=\"grid\"><thead><tr><th>variant</th>"
            + "<th>flags in the binary vs baseline</th><th>configure vs baseline</th>"
            + "<th>binary size</th><th>functional check</th><th>manifest</th></tr></thead><tbody>");
    int index = 0;
    for (Map<String, Object> m : manifests) {
      String variant = String.valueOf(m.getOrDefault("variant", "variant " + index));
      out.append("<tr><td><b>").append(Html.esc(variant)).append("</b></td><td>");
      if (variant.equals(ctx.baseline())) {
        out.append(
            "<span class=\"muted\">baseline</span></td><td><span class=\"muted\">baseline</span>");
      } else {
        diff(out, flags(m), baseFlags);
        out.append("</td><td>");
        diff(out, configure(m), baseConfigure);
      }
      out.append("</td><td class=\"num\">")
          .append(Html.esc(sizeText(size(m), baseSize, variant.equals(ctx.baseline()))));
      String phrase = output.checks(variant);
      out.append("</td><td>")
          .append(
              FunctionalOutput.bad(phrase)
                  ? "<span class=\"badge bad\">"
                      + Html.esc(FunctionalOutput.quiet(phrase))
                      + "</span>"
                  : Html.esc(
                      variant.equals(ctx.baseline())
                              && (phrase.equals("same output") || phrase.startsWith("same output,"))
                          ? "reference" + phrase.substring("same output".length())
                          : phrase.isEmpty() ? "–" : phrase))
          .append("</td><td><a href=\"#manifest-")
          .append(index)
          .append("\">full manifest</a></td></tr>");
      index++;
    }
    out.append("</tbody></table></div>");
    index = 0;
    for (Map<String, Object> m : manifests) {
      out.append("<details id=\"manifest-")
          .append(index++)
          .append("\"><summary>")
          .append(Html.esc(m.getOrDefault("variant", "variant")))
          .append(": full build manifest</summary><div class=\"card\">");
      Html.value(out, m);
      out.append("</div></details>");
    }
    out.append("</section>");
  }

  private static void diff(StringBuilder out, Set<String> mine, Set<String> base) {
    List<String> added = new ArrayList<>(mine);
    added.removeAll(base);
    List<String> removed = new ArrayList<>(base);
    removed.removeAll(mine);
    if (added.isEmpty() && removed.isEmpty()) {
      out.append("<span class=\"muted\">same</span>");
      return;
    }
    added.forEach(
        f -> out.append("<code class=\"chip add\">+").append(Html.esc(f)).append("</code> "));
    removed.forEach(
        f -> out.append("<code class=\"chip del\">−").append(Html.esc(f)).append("</code> "));
  }

  /** Switches recorded in the binary (provenance.recordedCommandLines), else a flat list field. */
  static Set<String> flags(Map<String, Object> manifest) {
    Set<String> out = new LinkedHashSet<>();
    Object provenance = manifest.get("provenance");
    if (provenance instanceof Map<?, ?> p
        && p.get("recordedCommandLines") instanceof List<?> lines) {
      for (Object line : lines) {
        if (line instanceof Collection<?> c) {
          c.forEach(f -> out.add(String.valueOf(f)));
        }
      }
    } else if (manifest.get("flagsFoundInBinary") instanceof List<?> list) {
      list.forEach(f -> out.add(String.valueOf(f)));
    }
    return out;
  }

  /** configure's arguments without its own path, which differs by source location only. */
  static Set<String> configure(Map<String, Object> manifest) {
    Set<String> out = new LinkedHashSet<>();
    if (manifest.get("configure") instanceof List<?> args) {
      for (int i = 0; i < args.size(); i++) {
        String a = String.valueOf(args.get(i));
        if (!(i == 0 && a.endsWith("configure"))) {
          out.add(a);
        }
      }
    }
    return out;
  }

  static double size(Map<String, Object> manifest) {
    return Optional.ofNullable(manifest.get("binary"))
        .filter(Map.class::isInstance)
        .map(b -> ((Map<?, ?>) b).get("fileBytes"))
        .filter(Number.class::isInstance)
        .map(n -> ((Number) n).doubleValue())
        .orElse(Double.NaN);
  }

  private static String sizeText(double bytes, double base, boolean isBaseline) {
    if (Double.isNaN(bytes)) {
      return "–";
    }
    String mib = String.format(Locale.ROOT, "%.2f MiB", bytes / 1048576);
    if (isBaseline || Double.isNaN(base) || base <= 0) {
      return mib;
    }
    return mib + String.format(Locale.ROOT, " (%+.1f %%)", (bytes / base - 1) * 100);
  }
}
