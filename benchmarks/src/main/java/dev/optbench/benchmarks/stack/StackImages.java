package dev.optbench.benchmarks.stack;

/**
 * The images the stack's containers run, by reference. The defaults are the compose file's ({@code
 * optbench grafana}), so both ways of starting the stack run the same versions. Never pulled: the
 * stack uses what the engine has.
 */
public record StackImages(String influxdb, String grafana, String cadvisor) {
  public static final String INFLUXDB = "influxdb:1.8";
  public static final String GRAFANA = "grafana/grafana:11.1.0";
  public static final String CADVISOR = "gcr.io/cadvisor/cadvisor:v0.47.2";

  public static final StackImages DEFAULT = new StackImages(INFLUXDB, GRAFANA, CADVISOR);

  public String of(Component component) {
    return switch (component) {
      case INFLUXDB -> influxdb;
      case GRAFANA -> grafana;
      case CADVISOR -> cadvisor;
    };
  }

  /** "influxdb:1.8, grafana/grafana:11.1.0 and gcr.io/cadvisor/cadvisor:v0.47.2" */
  public String listed() {
    return influxdb + ", " + grafana + " and " + cadvisor;
  }

  /**
   * Why the stack cannot start InfluxDB and how to get it: these images on the engine, or a local
   * influxd ({@code where} says what is wrong with the engine).
   */
  String missingSentence(String where, String influxd) {
    return "cannot start the stack: "
        + where
        + (influxd.contains("/") ? " and there is no " + influxd : " and no influxd is on PATH")
        + "; it needs the images "
        + listed()
        + " on that engine (docker pull them where a registry is reachable, or docker save there"
        + " and docker load here), or InfluxDB 1.x installed as influxd (apt-get install influxdb)";
  }
}
