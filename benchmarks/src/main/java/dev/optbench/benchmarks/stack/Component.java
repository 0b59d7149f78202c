package dev.optbench.benchmarks.stack;

/** One service of the stack: the name it is known by, its usual port and its health endpoint. */
public enum Component {
  INFLUXDB("influxdb", "InfluxDB", 8086, "/ping"),
  GRAFANA("grafana", "Grafana", 3000, "/api/health"),
  CADVISOR("cadvisor", "cAdvisor", 8080, "/healthz");

  private final String key;
  private final String title;
  private final int usualPort;
  private final String healthPath;

  Component(String key, String title, int usualPort, String healthPath) {
    this.key = key;
    this.title = title;
    this.usualPort = usualPort;
    this.healthPath = healthPath;
  }

  /** Lower case, as in the container name and the stack label's value. */
  public String key() {
    return key;
  }

  public String title() {
    return title;
  }

  /** The port people expect it on; another is chosen when this one is taken. */
  public int usualPort() {
    return usualPort;
  }

  public String healthPath() {
    return healthPath;
  }

  /** Predictable, so {@code docker ps} shows what it is and a second {@code up} finds it. */
  public String containerName() {
    return "optbench-stack-" + key;
  }
}
