package dev.optbench.benchmarks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.benchmarks.grafana.GrafanaDashboards;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackContainerPlanTest {
  private static final Credentials SECRET = new Credentials("ops", "s3cret-pw");

  private static ContainerPlan cadvisor(Credentials credentials) {
    return ContainerPlan.cadvisor(
        StackImages.CADVISOR,
        8080,
        "127.0.0.1:8086",
        "optbench",
        Path.of("/var/lib/optbench-services/docker/docker.sock"),
        Path.of("/var/lib/optbench-services/docker/data"),
        credentials);
  }

  @Test
  void cadvisorWritesToTheStacksInfluxAtAFixedHousekeepingInterval() {
    ContainerPlan plan = cadvisor(Credentials.NONE);

    assertThat(plan.cmd())
        .containsSubsequence(
            "-listen_ip=127.0.0.1",
            "-port=8080",
            "-storage_driver=influxdb",
            "-storage_driver_host=127.0.0.1:8086",
            "-storage_driver_db=optbench",
            "-housekeeping_interval=1s",
            "--allow_dynamic_housekeeping=false",
            "-docker=unix:///var/lib/optbench-services/docker/docker.sock");
    assertThat(plan.entrypoint()).as("the image's own").isEmpty();
    assertThat(plan.url()).isEqualTo("http://127.0.0.1:8080");
    assertThat(plan.privileged()).isTrue();
  }

  @Test
  void cadvisorSeesTheHostReadOnlyWithTheEnginesOwnDataRootAndSocket() {
    ContainerPlan plan = cadvisor(Credentials.NONE);

    assertThat(plan.binds())
        .contains(
            "/:/rootfs:ro",
            "/var/run:/var/run:ro",
            "/sys:/sys:ro",
            "/var/lib/optbench-services/docker/data:/var/lib/docker:ro",
            "/dev/disk:/dev/disk:ro",
            "/var/lib/optbench-services/docker/docker.sock:/var/lib/optbench-services/docker/docker.sock:ro")
        .allMatch(b -> b.endsWith(":ro"));
  }

  @Test
  void aSocketUnderVarRunIsNotMountedTwice() {
    ContainerPlan plan =
        ContainerPlan.cadvisor(
            StackImages.CADVISOR,
            8080,
            "127.0.0.1:8086",
            "optbench",
            Path.of("/var/run/docker.sock"),
            Path.of("/var/lib/docker"),
            Credentials.NONE);

    assertThat(plan.binds()).noneMatch(b -> b.startsWith("/var/run/docker.sock"));
    assertThat(plan.cmd()).contains("-docker=unix:///var/run/docker.sock");
  }

  @Test
  void credentialsGoToTheEnvironmentOnly() {
    for (ContainerPlan plan :
        new ContainerPlan[] {
          cadvisor(SECRET),
          ContainerPlan.influxdb(StackImages.INFLUXDB, 8086, 8088, Path.of("/d"), SECRET),
          ContainerPlan.grafana(
              StackImages.GRAFANA, 3000, Path.of("/p"), Path.of("/d"), "/dash", SECRET)
        }) {
      assertThat(String.join(" ", plan.cmd())).doesNotContain("s3cret-pw");
      assertThat(String.join(" ", plan.entrypoint())).doesNotContain("s3cret-pw");
      assertThat(plan.labels().toString()).doesNotContain("s3cret-pw");
      assertThat(plan.binds().toString()).doesNotContain("s3cret-pw");
      assertThat(plan.toString()).doesNotContain("s3cret-pw", "ops");
      assertThat(plan.env()).anyMatch(e -> e.endsWith("=s3cret-pw"));
    }
    assertThat(SECRET.toString()).doesNotContain("s3cret-pw", "ops");
  }

  @Test
  void cadvisorExpandsItsCredentialFlagsFromTheEnvironmentInsideTheContainer() {
    ContainerPlan plan = cadvisor(SECRET);

    assertThat(plan.entrypoint()).startsWith("/bin/sh", "-c");
    assertThat(plan.entrypoint().get(2))
        .startsWith("exec /usr/bin/cadvisor -logtostderr \"$@\"")
        .contains("-storage_driver_user=\"$OPTBENCH_INFLUX_USER\"")
        .contains("-storage_driver_password=\"$OPTBENCH_INFLUX_PASSWORD\"");
    assertThat(plan.env())
        .contains("OPTBENCH_INFLUX_USER=ops", "OPTBENCH_INFLUX_PASSWORD=s3cret-pw");
  }

  @Test
  void influxListensOnLoopbackAndKeepsItsData() {
    ContainerPlan plan =
        ContainerPlan.influxdb(
            StackImages.INFLUXDB,
            18086,
            18088,
            Path.of("/c/stack/influxdb-data"),
            Credentials.NONE);

    assertThat(plan.env())
        .contains(
            "INFLUXDB_HTTP_BIND_ADDRESS=127.0.0.1:18086", "INFLUXDB_BIND_ADDRESS=127.0.0.1:18088")
        // INFLUXDB_DB would run the image's init script, which binds 127.0.0.1:8086 for a while
        .noneMatch(e -> e.startsWith("INFLUXDB_DB") || e.startsWith("INFLUXDB_ADMIN"))
        .noneMatch(e -> e.startsWith("INFLUXDB_HTTP_AUTH_ENABLED"));
    assertThat(plan.binds()).containsExactly("/c/stack/influxdb-data:/var/lib/influxdb");
    assertThat(plan.url()).isEqualTo("http://127.0.0.1:18086");
    assertThat(plan.name()).isEqualTo("optbench-stack-influxdb");
  }

  @Test
  void influxWithCredentialsTurnsOnAuthentication() {
    ContainerPlan plan =
        ContainerPlan.influxdb(StackImages.INFLUXDB, 8086, 8088, Path.of("/d"), SECRET);

    assertThat(plan.env())
        .contains(
            "INFLUXDB_HTTP_AUTH_ENABLED=true",
            "INFLUXDB_ADMIN_USER=ops",
            "INFLUXDB_ADMIN_PASSWORD=s3cret-pw");
  }

  @Test
  void grafanaMountsTheGrafanaCommandsFilesReadOnlyAndListensOnLoopback() {
    ContainerPlan plan =
        ContainerPlan.grafana(
            StackImages.GRAFANA,
            3000,
            Path.of("/c/stack/grafana/provisioning"),
            Path.of("/c/stack/grafana/dashboards"),
            GrafanaDashboards.DASHBOARDS_IN_GRAFANA,
            Credentials.NONE);

    assertThat(plan.binds())
        .containsExactly(
            "/c/stack/grafana/provisioning:/etc/grafana/provisioning:ro",
            "/c/stack/grafana/dashboards:/var/lib/grafana/dashboards/optbench:ro");
    assertThat(plan.env()).contains("GF_SERVER_HTTP_ADDR=127.0.0.1", "GF_SERVER_HTTP_PORT=3000");
    assertThat(plan.privileged()).isFalse();
  }

  @Test
  void labelsMarkTheStackButNotAsARunsSandbox() {
    // A run's janitor and `engines clean` remove dev.optbench.managed containers of dead owners.
    Map<String, String> labels = cadvisor(Credentials.NONE).labels();

    assertThat(labels)
        .containsEntry(ContainerPlan.LABEL, "cadvisor")
        .containsEntry(ContainerPlan.LABEL_URL, "http://127.0.0.1:8080")
        .doesNotContainKey("dev.optbench.managed");
  }

  @Test
  void grafanasDatasourceRefersToTheCredentialVariablesNotTheirValues() {
    String datasource =
        new GrafanaDashboards("http://127.0.0.1:8086", "optbench")
            .withCredentialsFromEnvironment()
            .files()
            .get("provisioning/datasources/optbench.yaml");

    assertThat(datasource)
        .contains("    user: $OPTBENCH_INFLUX_USER\n")
        .contains("    secureJsonData:\n      password: $OPTBENCH_INFLUX_PASSWORD\n");
    assertThat(
            new GrafanaDashboards("http://127.0.0.1:8086", "optbench")
                .files()
                .get("provisioning/datasources/optbench.yaml"))
        .doesNotContain("OPTBENCH_INFLUX");
  }
}
