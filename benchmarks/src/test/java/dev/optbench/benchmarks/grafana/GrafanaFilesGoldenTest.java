package dev.optbench.benchmarks.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.metrics.MetricSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed Grafana files are exactly what the generator makes from MetricSchema. */
class GrafanaFilesGoldenTest {
  /** Tests run in the module folder (Maven's basedir). */
  static final Path COMMITTED = Path.of("src/main/resources/grafana");

  private static final String REGENERATE =
      " differs from the generator; regenerate with: java -jar benchmarks/target/benchmarks.jar"
          + " grafana --out benchmarks/src/main/resources/grafana";

  private final Map<String, String> generated =
      new GrafanaDashboards(
              GrafanaDashboards.COMPOSE_INFLUX_URL, GrafanaDashboards.DEFAULT_DATABASE)
          .files();

  @Test
  void committedFilesEqualGeneratorOutput() throws IOException {
    for (Map.Entry<String, String> e : generated.entrySet()) {
      Path file = COMMITTED.resolve(e.getKey());
      assertThat(file).as(file + " is missing;" + REGENERATE).exists();
      assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .as(file + REGENERATE)
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void noStaleDashboardIsCommitted() throws IOException {
    try (Stream<Path> files = Files.list(COMMITTED.resolve("dashboards"))) {
      assertThat(files.map(f -> "dashboards/" + f.getFileName()))
          .as("dashboards the generator no longer makes;" + REGENERATE)
          .allMatch(generated::containsKey);
    }
  }

  @Test
  void dashboardsQueryOnlyMeasurementsOfTheSchema() {
    String all = String.join("\n", generated.values());
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("FROM \\\\\"([a-z_]+)\\\\\"").matcher(all);
    int found = 0;
    while (m.find()) {
      assertThat(MetricSchema.MEASUREMENTS).contains(m.group(1));
      found++;
    }
    assertThat(found).isGreaterThan(10);
    assertThat(all).doesNotContain("1e9").contains("/ 1000000000");
  }

  @Test
  void writeToAddsTheComposeFile(@TempDir Path dir) throws IOException {
    new GrafanaDashboards("http://127.0.0.1:8086", "bench").writeTo(dir);
    assertThat(dir.resolve("docker-compose.yml"))
        .hasContent(Files.readString(COMMITTED.resolve("docker-compose.yml")));
    assertThat(dir.resolve(GrafanaDashboards.DATASOURCE_FILE))
        .content()
        .contains("url: \"http://127.0.0.1:8086\"", "dbName: \"bench\"");
  }
}
