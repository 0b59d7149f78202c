package dev.optbench.benchmarks.job;

import dev.optbench.harness.engine.EngineSpec;
import dev.optbench.harness.engine.Engines;
import dev.optbench.harness.engine.Placement;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.ContainerRuntimeProvider;
import dev.optbench.harness.runtime.RuntimeSelector;
import dev.optbench.harness.runtime.docker.DockerEngine;
import dev.optbench.harness.runtime.docker.DockerRuntime;
import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Docker engines a main job was given by name ({@code --engine}, an engines file), connected
 * before any build (all or none: a wrong CA or an engine that does not answer ends the run with one
 * sentence and nothing written), with the run's placement of variants on them. The main job's own
 * connections serve the leftover cleanup and the images; sandboxes connect on their own (a JMH fork
 * cannot inherit a connection).
 */
final class NamedEngines implements AutoCloseable {
  private final List<EngineSpec> specs;
  private final Map<String, DockerEngine> connected;
  private final Map<String, DockerRuntime> runtimes = new LinkedHashMap<>();

  private NamedEngines(List<EngineSpec> specs, Map<String, DockerEngine> connected) {
    this.specs = List.copyOf(specs);
    this.connected = connected;
    connected.forEach((name, engine) -> runtimes.put(name, new DockerRuntime(engine)));
  }

  /**
   * Connects every engine, in the order given.
   *
   * @throws dev.optbench.harness.runtime.RuntimeUnavailableException naming the first engine that
   *     does not answer; no connection stays open
   */
  static NamedEngines connect(List<EngineSpec> specs) {
    return new NamedEngines(specs, new Engines(specs).connectAll());
  }

  List<String> names() {
    return specs.stream().map(EngineSpec::name).toList();
  }

  List<EngineSpec> specs() {
    return specs;
  }

  ContainerRuntime runtime(String engine) {
    DockerRuntime rt = runtimes.get(engine);
    if (rt == null) {
      throw new IllegalArgumentException("no engine named '" + engine + "'");
    }
    return rt;
  }

  /**
   * The runtime choice as the rest of the job reads it: Docker, on these engines. Printed and
   * recorded like an automatic choice, so a run on named engines says where it ran.
   */
  RuntimeSelector.Choice choice() {
    Map<String, ContainerRuntimeProvider.Availability> reasons = new LinkedHashMap<>();
    reasons.put(
        "docker",
        ContainerRuntimeProvider.Availability.yes(
            String.join(
                "; ",
                specs.stream()
                    .map(
                        s ->
                            s.name()
                                + ": "
                                + connected.get(s.name()).describe()
                                + " ("
                                + connected.get(s.name()).unitWeight()
                                + ")")
                    .toList())));
    ContainerRuntimeProvider provider =
        new ContainerRuntimeProvider() {
          @Override
          public String name() {
            return "docker";
          }

          @Override
          public int priority() {
            return 300;
          }

          @Override
          public Availability availability() {
            return reasons.get("docker");
          }

          @Override
          public ContainerRuntime create() {
            return runtimes.values().iterator().next();
          }
        };
    return new RuntimeSelector.Choice(provider, reasons);
  }

  /** Removes the sandboxes of dead optbench runs on every engine, one line per engine that had. */
  void removeDeadSandboxes(PrintStream out) {
    runtimes.forEach(
        (name, rt) -> {
          List<String> removed = rt.removeLeftovers();
          if (!removed.isEmpty()) {
            out.println(
                "engine "
                    + name
                    + ": removed "
                    + removed.size()
                    + " sandbox(es) of killed or crashed runs: "
                    + removed);
          }
        });
  }

  /** The placement printed as the run will use it, unused engines named. */
  void print(Placement placement, PrintStream out) {
    out.println("placement (" + placement.rule() + "):");
    placement.describe(names()).forEach(line -> out.println("  " + line));
  }

  /**
   * Says once per engine in use where its sandboxes' time series come from: the cAdvisor on its
   * host ({@code cadvisor=}), else the run's {@code --cadvisor}, else the cgroup files here (a
   * local engine) or the engine's stats API.
   */
  void printSeriesSources(Placement placement, Optional<URI> runCadvisor, PrintStream out) {
    for (EngineSpec spec : specs) {
      if (placement.engines().contains(spec.name())) {
        String from =
            spec.cadvisor()
                .or(() -> runCadvisor)
                .map(url -> "cAdvisor " + url + " (a reading per cAdvisor housekeeping)")
                .orElse(
                    connected.get(spec.name()).isLocal()
                        ? "the cgroup files on this machine"
                        : "its stats API (a point a second)");
        out.println("engine " + spec.name() + ": series from " + from);
      }
    }
  }

  /**
   * Warns when engines that will run side by side report one host name and pin their units to the
   * same CPUs (their own {@code cpus=}, else {@code runCpuset}). A daemon that cannot say its name
   * is taken as a machine of its own: no warning on a guess.
   */
  void warnSharedCores(Placement placement, String runCpuset, PrintStream out) {
    Map<String, String> hosts = new LinkedHashMap<>();
    Map<String, String> cpus = new LinkedHashMap<>();
    for (EngineSpec spec : specs) {
      if (!placement.engines().contains(spec.name())) {
        continue;
      }
      cpus.put(spec.name(), spec.cpuset().isEmpty() ? runCpuset : spec.cpuset());
      try {
        String name = connected.get(spec.name()).client().infoCmd().exec().getName();
        hosts.put(spec.name(), name == null ? "" : name);
      } catch (RuntimeException e) {
        hosts.put(spec.name(), "");
      }
    }
    SharedCores.warnings(hosts, cpus).forEach(w -> out.println("warning: " + w));
  }

  @Override
  public void close() {
    connected.values().forEach(DockerEngine::close);
  }
}
