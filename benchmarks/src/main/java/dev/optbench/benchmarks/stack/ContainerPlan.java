package dev.optbench.benchmarks.stack;

import dev.optbench.harness.metrics.sink.InfluxSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a stack container is created with, assembled without a Docker engine so the flags can
 * be tested. Every container uses the host's network: the engines optbench starts (see {@code
 * .ci/services.sh}) have no bridge network, and on the host's network Grafana and cAdvisor reach
 * InfluxDB at 127.0.0.1 whether InfluxDB is a container or a local influxd. Each service is told to
 * listen on 127.0.0.1 only.
 *
 * @param entrypoint empty to keep the image's
 * @param env {@code NAME=value}; the only place credentials go
 * @param binds {@code host:container[:ro]}
 * @param url where the service answers on this machine
 */
public record ContainerPlan(
    Component component,
    String image,
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    Map<String, String> labels,
    List<String> binds,
    boolean privileged,
    String url) {
  /** Marks the stack's containers; its value is the {@link Component#key()}. */
  public static final String LABEL = "dev.optbench.stack";

  /** Where the service answers, read back by {@code status}. */
  public static final String LABEL_URL = "dev.optbench.stack.url";

  /**
   * cAdvisor's sampling period, fixed: its default lets housekeeping stretch up to 60 s when a
   * container looks idle, which leaves holes in the series of short units.
   */
  public static final String CADVISOR_HOUSEKEEPING = "1s";

  /** The cAdvisor image's own entrypoint, which a credentials wrapper has to repeat. */
  static final String CADVISOR_BINARY = "/usr/bin/cadvisor";

  public ContainerPlan {
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    env = List.copyOf(env);
    labels = Map.copyOf(labels);
    binds = List.copyOf(binds);
  }

  public String name() {
    return component.containerName();
  }

  /**
   * The InfluxDB 1.x image, data kept in {@code dataDir}. The database is created over HTTP once it
   * answers ({@link Stack}), not with the image's {@code INFLUXDB_DB}: that runs the image's init
   * script, which starts a temporary influxd on 127.0.0.1:8086 (the port is fixed in the script),
   * on the host's network someone else's port. Credentials still need that script (it creates the
   * admin user), so with them 8086 must be free at the first start.
   */
  public static ContainerPlan influxdb(
      String image, int port, int rpcPort, Path dataDir, Credentials credentials) {
    List<String> env = new ArrayList<>();
    env.add("INFLUXDB_HTTP_BIND_ADDRESS=" + Ports.LOOPBACK + ":" + port);
    env.add("INFLUXDB_BIND_ADDRESS=" + Ports.LOOPBACK + ":" + rpcPort);
    env.add("INFLUXDB_REPORTING_DISABLED=true");
    if (credentials.present()) {
      env.add("INFLUXDB_HTTP_AUTH_ENABLED=true");
      env.add("INFLUXDB_ADMIN_USER=" + credentials.user());
      env.add("INFLUXDB_ADMIN_PASSWORD=" + credentials.password());
    }
    String url = Ports.url(port);
    return new ContainerPlan(
        Component.INFLUXDB,
        image,
        List.of(),
        List.of(),
        env,
        labels(Component.INFLUXDB, url),
        List.of(dataDir + ":/var/lib/influxdb"),
        false,
        url);
  }

  /**
   * Grafana with the folder {@code optbench grafana} wrote mounted read-only: its provisioning
   * (datasource, dashboard provider) and dashboards. Anonymous viewers, as in the compose file.
   */
  public static ContainerPlan grafana(
      String image,
      int port,
      Path provisioning,
      Path dashboards,
      String dashboardsPath,
      Credentials credentials) {
    List<String> env = new ArrayList<>();
    env.add("GF_SERVER_HTTP_ADDR=" + Ports.LOOPBACK);
    env.add("GF_SERVER_HTTP_PORT=" + port);
    env.add("GF_AUTH_ANONYMOUS_ENABLED=true");
    env.add("GF_AUTH_ANONYMOUS_ORG_ROLE=Viewer");
    env.add("GF_ANALYTICS_REPORTING_ENABLED=false");
    env.add("GF_ANALYTICS_CHECK_FOR_UPDATES=false");
    credentialEnv(credentials, env);
    String url = Ports.url(port);
    return new ContainerPlan(
        Component.GRAFANA,
        image,
        List.of(),
        List.of(),
        env,
        labels(Component.GRAFANA, url),
        List.of(
            provisioning + ":/etc/grafana/provisioning:ro",
            dashboards + ":" + dashboardsPath + ":ro"),
        false,
        url);
  }

  /**
   * cAdvisor writing into the stack's InfluxDB with its InfluxDB storage driver, housekeeping fixed
   * at {@link #CADVISOR_HOUSEKEEPING}, the host's folders it reads mounted read-only.
   *
   * @param dockerSocket the engine's socket on this machine, which cAdvisor asks about containers
   * @param dockerRoot the engine's data root ({@code docker info}), where it finds their layers
   */
  public static ContainerPlan cadvisor(
      String image,
      int port,
      String influxHostPort,
      String database,
      Path dockerSocket,
      Path dockerRoot,
      Credentials credentials) {
    List<String> flags = cadvisorFlags(port, influxHostPort, database, dockerSocket);
    List<String> binds = new ArrayList<>();
    binds.add("/:/rootfs:ro");
    binds.add("/var/run:/var/run:ro");
    binds.add("/sys:/sys:ro");
    binds.add(dockerRoot + ":/var/lib/docker:ro");
    binds.add("/dev/disk:/dev/disk:ro");
    if (!dockerSocket.startsWith("/var/run")) {
      binds.add(dockerSocket + ":" + dockerSocket + ":ro");
    }
    List<String> env = new ArrayList<>();
    credentialEnv(credentials, env);
    String url = Ports.url(port);
    return new ContainerPlan(
        Component.CADVISOR,
        image,
        credentials.present() ? cadvisorWithCredentials() : List.of(),
        flags,
        env,
        labels(Component.CADVISOR, url),
        binds,
        // As the compose file and cAdvisor's own instructions: it reads /dev/kmsg (OOM events)
        // and every container's cgroup files.
        true,
        url);
  }

  static List<String> cadvisorFlags(
      int port, String influxHostPort, String database, Path dockerSocket) {
    return List.of(
        "-listen_ip=" + Ports.LOOPBACK,
        "-port=" + port,
        "-storage_driver=influxdb",
        "-storage_driver_host=" + influxHostPort,
        "-storage_driver_db=" + database,
        "-storage_driver_buffer_duration=5s",
        "-housekeeping_interval=" + CADVISOR_HOUSEKEEPING,
        "--allow_dynamic_housekeeping=false",
        "-docker_only=true",
        "-docker=unix://" + dockerSocket);
  }

  /**
   * cAdvisor takes InfluxDB credentials only as flags. A flag in the container's command would show
   * in {@code docker inspect}; a shell in the image (cAdvisor's is Alpine) expands them from the
   * environment instead, so they stay out of the container's configuration (they are still in the
   * cAdvisor process's arguments inside the container).
   */
  static List<String> cadvisorWithCredentials() {
    return List.of(
        "/bin/sh",
        "-c",
        "exec "
            + CADVISOR_BINARY
            + " -logtostderr \"$@\" -storage_driver_user=\"$OPTBENCH_INFLUX_USER\""
            + " -storage_driver_password=\"$OPTBENCH_INFLUX_PASSWORD\"",
        "cadvisor");
  }

  /** Under the names the sink reads; Grafana's provisioning refers to them by name. */
  private static void credentialEnv(Credentials credentials, List<String> env) {
    if (credentials.present()) {
      env.add(InfluxSettings.ENV_USER + "=" + credentials.user());
      env.add(InfluxSettings.ENV_PASSWORD + "=" + credentials.password());
    }
  }

  /**
   * Not {@code dev.optbench.managed}: that label marks a run's sandboxes, which {@code engines
   * clean} and every run's janitor remove once the run that started them is gone. The stack
   * outlives the command that started it on purpose.
   */
  static Map<String, String> labels(Component component, String url) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(LABEL, component.key());
    labels.put(LABEL_URL, url);
    return labels;
  }

  /** What the output may show: never {@link #env()}, which may hold credentials. */
  @Override
  public String toString() {
    return name() + " (" + image + ", " + url + ")";
  }
}
