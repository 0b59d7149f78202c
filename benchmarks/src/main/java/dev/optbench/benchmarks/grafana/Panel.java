package dev.optbench.benchmarks.grafana;

import java.util.List;

/**
 * One Grafana panel: a title, the unit Grafana formats values in (its unit ids: {@code percent},
 * {@code bytes}, {@code Bps}, {@code s}) and the InfluxQL queries it draws.
 */
public record Panel(String title, String description, Kind kind, String unit, List<Query> queries) {
  /** Time series draw lines over time; tables list one number per unit. */
  public enum Kind {
    TIME_SERIES("timeseries"),
    TABLE("table");

    final String grafanaType;

    Kind(String grafanaType) {
      this.grafanaType = grafanaType;
    }
  }

  /** A raw InfluxQL query with Grafana macros, and the legend alias of its series. */
  public record Query(String influxQl, String alias) {}

  public Panel {
    queries = List.copyOf(queries);
    if (queries.isEmpty()) {
      throw new IllegalArgumentException("panel '" + title + "' has no query");
    }
  }
}
