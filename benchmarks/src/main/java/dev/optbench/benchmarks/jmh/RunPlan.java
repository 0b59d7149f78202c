package dev.optbench.benchmarks.jmh;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a JMH trial needs to run one (variant, unit) pair, written by the main job before JMH
 * starts and read in every forked JVM: JMH passes only strings ({@code @Param}s) to forks, so the
 * variants' folders and images, the units' argv and the sandbox settings travel in this file, named
 * by the system property {@value #PROPERTY}. It holds no credentials: forks take them from the
 * environment they inherit.
 *
 * @param runDir absolute results folder of the run ({@code optbench-results/<run-id>})
 * @param runtime container runtime name: docker, cgroup or process
 * @param cpuset CPUs the units may use
 * @param memoryBytes memory limit per sandbox
 * @param timeoutMillis per-step timeout
 * @param intervalMillis sampling interval of the time series
 * @param influxUrl InfluxDB URL without credentials, or null for line-protocol files
 * @param cadvisorUrl cAdvisor to read the series from, or null for the cgroup files
 */
public record RunPlan(
    String runId,
    Path runDir,
    String runtime,
    String cpuset,
    long memoryBytes,
    long timeoutMillis,
    long intervalMillis,
    String influxUrl,
    String influxDatabase,
    String machine,
    Map<String, Variant> variants,
    Map<String, Unit> units,
    String cadvisorUrl) {
  public static final String PROPERTY = "optbench.plan";

  /**
   * @param binDir host folder with {@code ffmpeg} and {@code optbench-exec}
   * @param image Docker image id, or null where no engine built one
   */
  public record Variant(Path binDir, String image, String manifestDigest) {}

  /**
   * @param steps argv lists run in order (e.g. pass 1, then pass 2); all are the unit's cost
   * @param template what kind of command it is, for tables
   */
  public record Unit(List<List<String>> steps, String template) {}

  public RunPlan {
    variants = Map.copyOf(variants);
    units = Map.copyOf(units);
  }

  public RunFolder folder() {
    return new RunFolder(runDir);
  }

  public Variant variant(String name) {
    Variant v = variants.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "variant '" + name + "' is not in the run plan; planned: " + variants.keySet());
    }
    return v;
  }

  public Unit unit(String id) {
    Unit u = units.get(id);
    if (u == null) {
      throw new IllegalArgumentException(
          "unit '" + id + "' is not in the run plan; planned: " + units.keySet());
    }
    return u;
  }

  public void write(Path file) {
    AtomicJson.write(this, file);
  }

  public static RunPlan read(Path file) {
    return AtomicJson.read(file, RunPlan.class);
  }

  /** The plan named by {@value #PROPERTY}, with a message that says how to run these benchmarks. */
  public static RunPlan current() {
    String file = System.getProperty(PROPERTY);
    if (file == null || file.isBlank()) {
      throw new IllegalStateException(
          "no run plan: the ffmpeg unit benchmarks need the variants and units the main job"
              + " prepares. Run them through `java -jar benchmarks.jar` (it builds, plans and"
              + " passes -D"
              + PROPERTY
              + "=FILE to JMH), not with a bare JMH runner.");
    }
    return read(Path.of(file));
  }
}
