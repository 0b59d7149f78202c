package dev.optbench.harness.engine;

import dev.optbench.harness.cgroup.CpuList;
import dev.optbench.harness.runtime.docker.DockerEngine;
import dev.optbench.harness.runtime.docker.TlsFiles;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Docker engine a user names: where it is ({@code unix://}, {@code tcp://}, {@code tcp://} with
 * TLS files) and free labels (e.g. {@code cpu=xeon-e5}) for placement. The name is how results,
 * samples and messages refer to it, so it is short and safe as a JMH param and an InfluxDB tag. Two
 * labels optbench reads itself: {@value #CPUS}, the CPUs this engine's units are pinned to, instead
 * of the run's {@code --cpuset}, so two engines on one machine can run their units side by side on
 * different cores; and {@value #CADVISOR}, the cAdvisor on the engine's host that its sandboxes'
 * time series are read from, instead of the engine's stats API.
 */
public record EngineSpec(String name, String url, TlsFiles tls, Map<String, String> labels) {
  /** The label (and {@code --engine} part) naming the engine's own cpuset. */
  public static final String CPUS = "cpus";

  /** The label (and {@code --engine} part) naming the cAdvisor on the engine's host. */
  public static final String CADVISOR = "cadvisor";

  private static final Pattern HTTP_URL =
      Pattern.compile("https?://(\\[[0-9a-fA-F:.]+\\]|[^/:\\[\\]@?#\\s]+)(:[0-9]{1,5})?(/\\S*)?");

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
  private static final Pattern HOST_PORT =
      Pattern.compile("tcp://(\\[[0-9a-fA-F:.]+\\]|[^/:\\[\\]]+):[0-9]{1,5}/?");

  /** The engine at $DOCKER_HOST, as a run without {@code --engine} uses it. */
  public static EngineSpec local() {
    return local(System.getenv());
  }

  /** As the docker CLI reads its environment ({@link TlsFiles#fromEnvironment}). */
  static EngineSpec local(Map<String, String> env) {
    String host = env.getOrDefault("DOCKER_HOST", "");
    TlsFiles tls = TlsFiles.fromEnvironment(env);
    return new EngineSpec(
        "local", host.isBlank() ? DockerEngine.DEFAULT_HOST : host, tls, Map.of());
  }

  public EngineSpec {
    labels = Map.copyOf(labels);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "engine name '"
              + name
              + "' is not usable: 1-32 letters, digits, '.', '_' or '-', starting with a letter"
              + " or digit");
    }
    if (!url.startsWith("unix://") && !url.startsWith("tcp://")) {
      throw new IllegalArgumentException(
          "engine " + name + ": URL '" + url + "' must start with unix:// or tcp://");
    }
    if (url.startsWith("tcp://") && !HOST_PORT.matcher(url).matches()) {
      // docker-java would take "tcp://h" and fail later with a message about port -1
      throw new IllegalArgumentException(
          "engine " + name + ": URL '" + url + "' must read tcp://HOST:PORT (2376 for TLS)");
    }
    if (tls.enabled() && !url.startsWith("tcp://")) {
      throw new IllegalArgumentException(
          "engine " + name + ": TLS files are for tcp:// engines, not " + url);
    }
    String cpus = labels.getOrDefault(CPUS, "");
    if (labels.containsKey(CPUS) && invalidCpuList(cpus)) {
      throw new IllegalArgumentException(
          "engine " + name + ": cpus '" + cpus + "' is not a CPU list; write it like 0, 1 or 0-1");
    }
    String cadvisor = labels.getOrDefault(CADVISOR, "");
    if (labels.containsKey(CADVISOR) && invalidHttpUrl(cadvisor)) {
      throw new IllegalArgumentException(
          "engine "
              + name
              + ": cadvisor '"
              + cadvisor
              + "' is not an http(s) URL; give the cAdvisor on that host, e.g."
              + " http://10.0.0.2:8080");
    }
  }

  private static boolean invalidCpuList(String cpus) {
    try {
      return CpuList.parse(cpus).isEmpty();
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  private static boolean invalidHttpUrl(String url) {
    try {
      return !HTTP_URL.matcher(url).matches() || URI.create(url).getHost() == null;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  /** The CPUs this engine's units are pinned to, or "" for the run's {@code --cpuset}. */
  public String cpuset() {
    return labels.getOrDefault(CPUS, "");
  }

  /**
   * The cAdvisor on this engine's host that its sandboxes' series are read from ({@value
   * #CADVISOR}), if one is named.
   */
  public Optional<URI> cadvisor() {
    return Optional.ofNullable(labels.get(CADVISOR)).map(URI::create);
  }

  /** "a (tcp://10.0.0.2:2376, TLS)" */
  public String describe() {
    return name + " (" + url + (tls.enabled() ? ", TLS" : "") + ")";
  }
}
