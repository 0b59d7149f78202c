package dev.optbench.harness.engine;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Info;
import dev.optbench.harness.runtime.RuntimeUnavailableException;
import dev.optbench.harness.runtime.docker.ConnectFailure;
import dev.optbench.harness.runtime.docker.ContainerLabels;
import dev.optbench.harness.runtime.docker.DockerEngine;
import dev.optbench.harness.runtime.docker.DockerJanitor;
import dev.optbench.harness.runtime.docker.TlsFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engines of a run, checked, probed and cleaned. {@link #checkFiles} runs before anything is
 * contacted (a missing certificate is a typo, not an outage); {@link #probe} then says in seconds
 * whether a wrong CA or a plain connection to a TLS port makes an engine unusable.
 */
public final class Engines {
  private final List<EngineSpec> specs;

  public Engines(List<EngineSpec> specs) {
    this.specs = List.copyOf(specs);
  }

  public List<EngineSpec> specs() {
    return specs;
  }

  /**
   * Reads every TLS file of every engine.
   *
   * @throws IllegalArgumentException naming the engine and the file
   */
  public void checkFiles() {
    for (EngineSpec spec : specs) {
      if (spec.tls().enabled()) {
        try {
          spec.tls().sslConfig();
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("engine " + spec.name() + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * One engine's connection, pinged; tried again for a few seconds while it is refused, reset or
   * not answered ({@link ConnectRetry}), at once given up on a TLS mistake.
   *
   * @throws RuntimeUnavailableException with one sentence that starts with the engine's name
   */
  public static DockerEngine connect(EngineSpec spec) {
    return connect(spec, new ConnectRetry(ConnectRetry.SYSTEM), DockerEngine::connect);
  }

  /** How one attempt connects: {@link DockerEngine#connect(String, TlsFiles)}, or a test's fake. */
  interface Connector {
    DockerEngine connect(String url, TlsFiles tls);
  }

  static DockerEngine connect(EngineSpec spec, ConnectRetry retry, Connector connector) {
    try {
      return retry.connect(
          () -> connector.connect(spec.url(), spec.tls()),
          e ->
              e instanceof RuntimeUnavailableException
                  && e.getCause() != null
                  && ConnectFailure.isTransient(spec.url(), spec.tls(), e.getCause()));
    } catch (RuntimeUnavailableException e) {
      throw new RuntimeUnavailableException("engine " + spec.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every engine connected, by name in the order given, or none: a run that cannot reach one of its
   * engines must say so before any build, and keeps no connection open when it stops.
   *
   * @throws RuntimeUnavailableException for the first engine that does not answer
   */
  public Map<String, DockerEngine> connectAll() {
    Map<String, DockerEngine> connected = new LinkedHashMap<>();
    try {
      for (EngineSpec spec : specs) {
        connected.put(spec.name(), connect(spec));
      }
      return connected;
    } catch (RuntimeException e) {
      connected.values().forEach(DockerEngine::close);
      throw e;
    }
  }

  /**
   * Every engine's status, in the order given; an engine that fails does not stop the others. The
   * engines are probed side by side, each within {@link #PROBE_DEADLINE}: the connection has a
   * connect and ping timeout, but the working client has none (an exec stream may stay silent for
   * minutes), so an engine that accepts and then hangs in {@code info} would hang the listing.
   */
  public List<EngineStatus> probe() {
    return probe(PROBE_DEADLINE);
  }

  List<EngineStatus> probe(Duration deadline) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, specs.size()),
            r -> {
              Thread t = new Thread(r, "optbench-engine-probe");
              t.setDaemon(true); // a hung probe must not keep the JVM alive
              return t;
            });
    try {
      List<Future<EngineStatus>> running =
          specs.stream().map(spec -> pool.submit(() -> probe(spec))).toList();
      List<EngineStatus> statuses = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        statuses.add(await(specs.get(i), running.get(i), deadline));
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Long enough for a healthy engine on a loaded machine (one probe took 22 s at load 14). */
  static final Duration PROBE_DEADLINE = Duration.ofSeconds(45);

  private static EngineStatus await(
      EngineSpec spec, Future<EngineStatus> probe, Duration deadline) {
    try {
      return probe.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return EngineStatus.failed(
          spec,
          "engine "
              + spec.name()
              + ": "
              + spec.url()
              + " accepted the connection but did not answer within "
              + deadline.toSeconds()
              + " s",
          deadline);
    } catch (ExecutionException e) {
      return EngineStatus.failed(
          spec, "engine " + spec.name() + ": " + e.getCause(), Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EngineStatus.failed(spec, "engine " + spec.name() + ": interrupted", Duration.ZERO);
    }
  }

  static EngineStatus probe(EngineSpec spec) {
    long start = System.nanoTime();
    try (DockerEngine engine = connect(spec)) {
      Info info = engine.client().infoCmd().exec();
      List<String> containers =
          engine
              .client()
              .listContainersCmd()
              .withShowAll(true)
              .withLabelFilter(Map.of(ContainerLabels.MANAGED, "true"))
              .exec()
              .stream()
              .map(Engines::describe)
              .toList();
      return new EngineStatus(
          spec,
          "",
          engine.version(),
          Objects.requireNonNullElse(info.getNCPU(), 0),
          Objects.requireNonNullElse(info.getMemTotal(), 0L),
          // Docker before 20.10 does not report it, and only v1 existed for it then.
          Objects.requireNonNullElse(info.getCGroupVersion(), "1"),
          containers,
          since(start));
    } catch (RuntimeException e) {
      return EngineStatus.failed(spec, e.getMessage(), since(start));
    }
  }

  /** "optbench-O2-1a2b (running)" */
  private static String describe(Container c) {
    String name = c.getNames() != null && c.getNames().length > 0 ? c.getNames()[0] : c.getId();
    return (name.startsWith("/") ? name.substring(1) : name) + " (" + c.getState() + ")";
  }

  /** What {@link #clean} removed on one engine, or why it could not. */
  public record Cleaned(
      EngineSpec spec, List<String> containers, List<String> images, String problem) {}

  /**
   * Removes optbench's containers and then its unused variant images on every engine. Without
   * {@code evenLiveRuns}, containers whose owning run still lives (on this machine) are kept, as
   * the janitor keeps them at a run's start.
   */
  public List<Cleaned> clean(boolean evenLiveRuns) {
    List<Cleaned> result = new ArrayList<>();
    for (EngineSpec spec : specs) {
      try (DockerEngine engine = connect(spec)) {
        DockerJanitor janitor = new DockerJanitor(engine);
        List<String> containers =
            evenLiveRuns ? janitor.removeAll(Map.of()) : janitor.removeLeftovers();
        result.add(new Cleaned(spec, containers, janitor.removeUnusedImages(), ""));
      } catch (RuntimeException e) {
        result.add(new Cleaned(spec, List.of(), List.of(), e.getMessage()));
      }
    }
    return result;
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
