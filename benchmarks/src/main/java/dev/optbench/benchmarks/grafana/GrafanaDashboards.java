package dev.optbench.benchmarks.grafana;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates Grafana provisioning and dashboards from {@link
 * dev.optbench.harness.metrics.MetricSchema}, so the dashboards never name a measurement or tag the
 * collector does not write. The files committed under {@code resources/grafana} are this output for
 * the compose file's InfluxDB (a test keeps them equal).
 */
public final class GrafanaDashboards {
  /** The InfluxDB service of the compose file, as Grafana's container sees it. */
  public static final String COMPOSE_INFLUX_URL = "http://influxdb:8086";

  public static final String DEFAULT_DATABASE = "optbench";

  /** Where the provisioned dashboard provider looks, inside the Grafana container. */
  public static final String DASHBOARDS_IN_GRAFANA = Provisioning.DASHBOARDS_PATH;

  /** The folders of {@link #writeTo}'s output that Grafana's container mounts. */
  public static final String PROVISIONING_DIR = "provisioning";

  public static final String DASHBOARDS_FOLDER = "dashboards";

  static final String DATASOURCE_FILE = "provisioning/datasources/optbench.yaml";
  static final String PROVIDER_FILE = "provisioning/dashboards/optbench.yaml";
  static final String DASHBOARDS_DIR = "dashboards/";
  static final String COMPOSE_FILE = "docker-compose.yml";

  private final String influxUrl;
  private final String database;
  private final boolean credentialsFromEnvironment;

  public GrafanaDashboards(String influxUrl, String database) {
    this(influxUrl, database, false);
  }

  private GrafanaDashboards(String influxUrl, String database, boolean credentialsFromEnvironment) {
    this.influxUrl = influxUrl;
    this.database = database;
    this.credentialsFromEnvironment = credentialsFromEnvironment;
  }

  /**
   * The datasource logs in as {@code $OPTBENCH_INFLUX_USER} with {@code $OPTBENCH_INFLUX_PASSWORD},
   * which Grafana expands from its own environment when it reads the file: the credentials never
   * enter a file (used by {@code optbench stack up}, which gives Grafana's container that
   * environment).
   */
  public GrafanaDashboards withCredentialsFromEnvironment() {
    return new GrafanaDashboards(influxUrl, database, true);
  }

  /** Relative path to file content, in a stable order. */
  public Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        DATASOURCE_FILE, Provisioning.datasource(influxUrl, database, credentialsFromEnvironment));
    files.put(PROVIDER_FILE, Provisioning.dashboardProvider());
    DashboardJson renderer = new DashboardJson(Provisioning.DATASOURCE_UID);
    for (Dashboard d : OptbenchDashboards.all()) {
      files.put(DASHBOARDS_DIR + d.fileName(), toJson(renderer, d));
    }
    return files;
  }

  /** Writes the generated files and the compose file under {@code dir}; returns what it wrote. */
  public Map<String, String> writeTo(Path dir) throws IOException {
    Map<String, String> all = new LinkedHashMap<>(files());
    all.put(COMPOSE_FILE, composeFile());
    for (Map.Entry<String, String> e : all.entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
    }
    return all;
  }

  /** The hand-written compose file shipped next to the generated files. */
  public static String composeFile() {
    String resource = "/grafana/" + COMPOSE_FILE;
    try (InputStream in = GrafanaDashboards.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar; rebuild it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String toJson(DashboardJson renderer, Dashboard d) {
    // "\n" whatever the platform, so the golden files compare equal everywhere.
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    ObjectWriter writer = new ObjectMapper().writer(printer);
    try {
      return writer.writeValueAsString(renderer.render(d)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render dashboard " + d.uid(), e);
    }
  }
}
