package dev.optbench.benchmarks.stack;

/**
 * One line of {@code stack status}.
 *
 * @param state "running", "stopped" (a container that exists but does not run) or "not running"
 * @param how "container optbench-stack-grafana", "local influxd (pid 1234)" or "-"
 * @param url where it answers, or "-"
 */
public record ComponentStatus(
    Component component, String state, String how, String url, Health health) {
  public static final String RUNNING = "running";
  public static final String STOPPED = "stopped";
  public static final String ABSENT = "not running";

  public static ComponentStatus absent(Component component) {
    return new ComponentStatus(component, ABSENT, "-", "-", Health.UNKNOWN);
  }

  public boolean running() {
    return RUNNING.equals(state);
  }
}
