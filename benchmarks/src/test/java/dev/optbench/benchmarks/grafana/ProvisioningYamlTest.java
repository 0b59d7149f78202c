package dev.optbench.benchmarks.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compose file and provisioning parse as YAML and fit together: Grafana mounts the folders the
 * provider and datasource point at, cAdvisor writes to the datasource's database. The stack itself
 * is not started here (no image registry).
 */
class ProvisioningYamlTest {
  private final YAMLMapper yaml = new YAMLMapper();
  private final Map<String, String> files =
      new GrafanaDashboards(
              GrafanaDashboards.COMPOSE_INFLUX_URL, GrafanaDashboards.DEFAULT_DATABASE)
          .files();

  @Test
  void composeFileHasTheThreeServicesWiredTogether() throws IOException {
    JsonNode compose = yaml.readTree(GrafanaDashboards.composeFile());
    JsonNode services = compose.get("services");
    assertThat(fieldNames(services)).containsExactlyInAnyOrder("influxdb", "grafana", "cadvisor");
    assertThat(services.at("/influxdb/image").asText()).startsWith("influxdb:1.8");
    assertThat(services.at("/influxdb/environment/INFLUXDB_DB").asText())
        .isEqualTo(GrafanaDashboards.DEFAULT_DATABASE);
    assertThat(texts(services.at("/grafana/volumes")))
        .contains(
            "./provisioning:/etc/grafana/provisioning:ro",
            "./dashboards:" + Provisioning.DASHBOARDS_PATH + ":ro");
    assertThat(texts(services.at("/cadvisor/command")))
        .contains(
            "-storage_driver=influxdb",
            "-storage_driver_host=influxdb:8086",
            "-storage_driver_db=" + GrafanaDashboards.DEFAULT_DATABASE);
    for (String service : List.of("influxdb", "grafana", "cadvisor")) {
      // Published on loopback only: the stack is for the benchmark host, not the network.
      assertThat(texts(services.get(service).get("ports")))
          .allMatch(p -> p.startsWith("127.0.0.1:"));
    }
    assertThat(fieldNames(compose.get("volumes")))
        .containsExactlyInAnyOrder("influxdb-data", "grafana-data");
    assertThat(GrafanaDashboards.COMPOSE_INFLUX_URL).contains("influxdb:8086");
  }

  @Test
  void datasourceIsTheOneTheDashboardsUse() throws IOException {
    JsonNode ds = yaml.readTree(files.get(GrafanaDashboards.DATASOURCE_FILE)).at("/datasources/0");
    assertThat(ds.get("type").asText()).isEqualTo("influxdb");
    assertThat(ds.get("url").asText()).isEqualTo(GrafanaDashboards.COMPOSE_INFLUX_URL);
    assertThat(ds.at("/jsonData/dbName").asText()).isEqualTo(GrafanaDashboards.DEFAULT_DATABASE);
    ObjectMapper json = new ObjectMapper();
    for (Dashboard d : OptbenchDashboards.all()) {
      JsonNode dash = json.readTree(files.get(GrafanaDashboards.DASHBOARDS_DIR + d.fileName()));
      for (JsonNode panel : dash.get("panels")) {
        assertThat(panel.at("/datasource/uid").asText()).isEqualTo(ds.get("uid").asText());
        assertThat(panel.get("targets")).isNotEmpty();
      }
      assertThat(texts(dash.at("/templating/list"), "name"))
          .containsExactly("run_id", "variant", "unit", "cores");
    }
  }

  @Test
  void providerLoadsDashboardsFromTheMountedFolder() throws IOException {
    JsonNode p = yaml.readTree(files.get(GrafanaDashboards.PROVIDER_FILE)).at("/providers/0");
    assertThat(p.get("type").asText()).isEqualTo("file");
    assertThat(p.at("/options/path").asText()).isEqualTo(Provisioning.DASHBOARDS_PATH);
  }

  @Test
  void quotedSurvivesYaml() throws IOException {
    String odd = "http://h:1/#x \"y\" \\z";
    assertThat(yaml.readTree("k: " + Provisioning.quoted(odd)).get("k").asText()).isEqualTo(odd);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }
}
