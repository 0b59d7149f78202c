package dev.optbench.benchmarks.cli;

import dev.optbench.benchmarks.grafana.GrafanaDashboards;
import dev.optbench.benchmarks.job.OutputFolders;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code optbench grafana}: writes Grafana provisioning, dashboards and a compose file. */
@Command(
    name = "grafana",
    mixinStandardHelpOptions = true,
    description = {
      "Write Grafana provisioning (InfluxDB datasource, dashboard provider), the optbench"
          + " dashboards and a docker-compose.yml (InfluxDB + Grafana + cAdvisor) to a folder.",
      "Example: optbench grafana --out grafana && cd grafana && docker compose up -d"
    })
public final class GrafanaCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Folder to write into (created if missing; existing files are replaced).")
  Path out;

  @Option(
      names = "--influx-url",
      paramLabel = "URL",
      defaultValue = GrafanaDashboards.COMPOSE_INFLUX_URL,
      description =
          "InfluxDB URL as Grafana's server sees it. Default: ${DEFAULT-VALUE} (the compose"
              + " file's InfluxDB).")
  String influxUrl;

  @Option(
      names = "--influx-db",
      paramLabel = "DB",
      defaultValue = GrafanaDashboards.DEFAULT_DATABASE,
      description = "Database optbench run --influx-db writes to. Default: ${DEFAULT-VALUE}.")
  String database;

  @Override
  public Integer call() throws Exception {
    OutputFolders.requireWritable(out, "--out");
    for (String file : new GrafanaDashboards(influxUrl, database).writeTo(out).keySet()) {
      System.out.println("wrote " + out.resolve(file));
    }
    return 0;
  }
}
