package dev.optbench.results.report;

import dev.optbench.results.series.ResourceSeries;
import java.util.ArrayList;
import java.util.List;

/** CPU % and memory over time per variant, from the sampled line-protocol series. */
final class ResourcesSection {
  private ResourcesSection() {}

  static void render(StringBuilder out, ReportInput input) {
    out.append("<section><h2>Resources over time</h2>");
    if (input.samples().isEmpty()) {
      out.append("<p class=\"muted\">No resource samples were given to the report.</p></section>");
      return;
    }
    List<String> order = new ArrayList<>(input.variants().keySet());
    var cpu = ResourceSeries.cpuPercent(input.samples());
    var memory = ResourceSeries.memoryMiB(input.samples());
    out.append("<p class=\"muted\">Sampled series (")
        .append(input.samples().size())
        .append(
            " points). CPU % is the derivative of cumulative CPU time; 100% is one busy core. "
                + "Totals in the tables come from kernel counters, not from these samples.</p><div class=\"charts\">");
    if (!cpu.isEmpty()) {
      out.append("<figure>")
          .append(Charts.lines("cpu", "CPU", "CPU %", cpu, order, 640))
          .append("</figure>");
    }
    if (!memory.isEmpty()) {
      out.append("<figure>")
          .append(Charts.lines("mem", "Memory", "MiB", memory, order, 640))
          .append("</figure>");
    }
    out.append("</div></section>");
  }
}
