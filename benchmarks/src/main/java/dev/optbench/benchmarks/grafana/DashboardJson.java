package dev.optbench.benchmarks.grafana;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Grafana's dashboard JSON model (schemaVersion 39, Grafana 10/11) for a {@link Dashboard}: raw
 * InfluxQL targets, the template variables, and panels laid out two per row.
 */
final class DashboardJson {
  static final int SCHEMA_VERSION = 39;
  private static final int PANEL_WIDTH = 12;
  private static final int PANEL_HEIGHT = 8;

  private final JsonNodeFactory json = JsonNodeFactory.instance;
  private final String datasourceUid;

  DashboardJson(String datasourceUid) {
    this.datasourceUid = datasourceUid;
  }

  ObjectNode render(Dashboard d) {
    ObjectNode root = json.objectNode();
    root.put("uid", d.uid());
    root.put("title", d.title());
    root.put("description", d.description());
    root.putArray("tags").add("optbench");
    root.put("editable", true);
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("version", 1);
    root.put("refresh", "5s");
    root.put("timezone", "browser");
    ObjectNode time = root.putObject("time");
    time.put("from", "now-1h");
    time.put("to", "now");
    ArrayNode vars = root.putObject("templating").putArray("list");
    TemplateVariable.all().forEach(v -> vars.add(variable(v)));
    ArrayNode panels = root.putArray("panels");
    List<Panel> list = d.panels();
    for (int i = 0; i < list.size(); i++) {
      panels.add(panel(i, list.get(i)));
    }
    return root;
  }

  private ObjectNode panel(int index, Panel p) {
    ObjectNode n = json.objectNode();
    n.put("id", index + 1);
    n.put("type", p.kind().grafanaType);
    n.put("title", p.title());
    n.put("description", p.description());
    n.set("datasource", datasource());
    ObjectNode grid = n.putObject("gridPos");
    grid.put("h", PANEL_HEIGHT);
    grid.put("w", PANEL_WIDTH);
    grid.put("x", (index % 2) * PANEL_WIDTH);
    grid.put("y", (index / 2) * PANEL_HEIGHT);
    ObjectNode field = n.putObject("fieldConfig");
    field.putObject("defaults").put("unit", p.unit());
    field.putArray("overrides");
    ArrayNode targets = n.putArray("targets");
    for (int i = 0; i < p.queries().size(); i++) {
      Panel.Query q = p.queries().get(i);
      ObjectNode t = targets.addObject();
      t.put("refId", String.valueOf((char) ('A' + i)));
      t.set("datasource", datasource());
      t.put("rawQuery", true);
      t.put("query", q.influxQl());
      t.put("alias", q.alias());
      // Tables want one row per series; time series want the points.
      t.put("resultFormat", p.kind() == Panel.Kind.TABLE ? "table" : "time_series");
    }
    return n;
  }

  private ObjectNode variable(TemplateVariable v) {
    ObjectNode n = json.objectNode();
    n.put("name", v.name());
    n.put("label", v.label());
    if (v.isTag()) {
      n.put("type", "query");
      n.set("datasource", datasource());
      n.put("query", v.query());
      n.put("definition", v.query());
      n.put("refresh", 2); // on time range change: new runs appear without reloading
      n.put("multi", true);
      n.put("includeAll", true);
      n.put("allValue", ".*"); // also matches samples with no unit tag
      n.put("sort", 1);
      n.putObject("current");
      n.putArray("options");
    } else {
      n.put("type", "textbox");
      n.put("query", v.query());
      ObjectNode current = n.putObject("current");
      current.put("text", v.query());
      current.put("value", v.query());
      ObjectNode option = n.putArray("options").addObject();
      option.put("selected", true);
      option.put("text", v.query());
      option.put("value", v.query());
    }
    return n;
  }

  private ObjectNode datasource() {
    ObjectNode ds = json.objectNode();
    ds.put("type", "influxdb");
    ds.put("uid", datasourceUid);
    return ds;
  }
}
