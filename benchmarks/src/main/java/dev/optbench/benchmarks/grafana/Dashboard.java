package dev.optbench.benchmarks.grafana;

import java.util.List;

/** What one dashboard shows; {@link DashboardJson} turns it into Grafana's JSON model. */
public record Dashboard(String uid, String title, String description, List<Panel> panels) {
  public Dashboard {
    panels = List.copyOf(panels);
  }

  /** The file name under {@code dashboards/}: the uid, so provisioning and links agree. */
  public String fileName() {
    return uid + ".json";
  }
}
