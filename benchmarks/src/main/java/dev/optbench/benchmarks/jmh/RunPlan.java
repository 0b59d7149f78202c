package dev.optbench.benchmarks.jmh;

import dev.optbench.harness.engine.EngineSpec;
import dev.optbench.harness.runtime.docker.TlsFiles;
import dev.optbench.harness.workload.UnitLength;
import dev.optbench.harness.workload.WorkloadUnit;
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
 * @param engines the named Docker engines ({@code --engine}) and how to reach them, so a fork
 *     connects to the same ones; empty for a run on one unnamed engine or without Docker
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
    String cadvisorUrl,
    List<Engine> engines) {
  public static final String PROPERTY = "optbench.plan";

  /**
   * The engine a JMH fork's trials run on, when the plan names engines: JMH runs once per engine
   * (the engine is not a {@code @Param}, whose cross product would put a variant on an engine it
   * was not placed on), and this property tells the fork which run it belongs to.
   */
  public static final String ENGINE_PROPERTY = "optbench.engine";

  /**
   * @param binDir host folder with {@code ffmpeg} and {@code optbench-exec}
   * @param image Docker image id, or null where no engine built one
   */
  public record Variant(
      Path binDir, String image, String manifestDigest, Map<String, String> imageOnEngine) {
    /** A variant of a run on one unnamed engine (or none). */
    public Variant(Path binDir, String image, String manifestDigest) {
      this(binDir, image, manifestDigest, Map.of());
    }

    public Variant {
      imageOnEngine =
          imageOnEngine == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(imageOnEngine));
    }

    /**
     * The variant's image on {@code engine} ("" for the run's one engine), or null where none was
     * built: each engine builds its own, as no registry carries images between them.
     */
    public String image(String engine) {
      return engine.isEmpty() ? image : imageOnEngine.get(engine);
    }
  }

  /**
   * A named engine as a fork reconnects to it: TLS paths, never the keys' contents.
   *
   * @param tlsCa the CA's PEM file, or null for a plain connection (then also cert and key)
   * @param cpuset the CPUs its units are pinned to ({@code cpus=}), or "" for the run's cpuset
   * @param cadvisor the cAdvisor on its host its series are read from ({@code cadvisor=}), or ""
   *     for the run's {@code --cadvisor}, else the engine's own source
   */
  public record Engine(
      String name,
      String url,
      Path tlsCa,
      Path tlsCert,
      Path tlsKey,
      String cpuset,
      String cadvisor) {
    public Engine {
      cpuset = cpuset == null ? "" : cpuset;
      cadvisor = cadvisor == null ? "" : cadvisor;
    }

    public static Engine of(EngineSpec spec) {
      TlsFiles tls = spec.tls();
      String cadvisor = spec.cadvisor().map(Object::toString).orElse("");
      return tls.enabled()
          ? new Engine(
              spec.name(), spec.url(), tls.ca(), tls.cert(), tls.key(), spec.cpuset(), cadvisor)
          : new Engine(spec.name(), spec.url(), null, null, null, spec.cpuset(), cadvisor);
    }

    public EngineSpec spec() {
      Map<String, String> labels = new java.util.LinkedHashMap<>();
      if (!cpuset.isEmpty()) {
        labels.put(EngineSpec.CPUS, cpuset);
      }
      if (!cadvisor.isEmpty()) {
        labels.put(EngineSpec.CADVISOR, cadvisor);
      }
      return new EngineSpec(
          name, url, tlsCa == null ? TlsFiles.NONE : new TlsFiles(tlsCa, tlsCert, tlsKey), labels);
    }

    /** The cAdvisor this engine's series come from: its own, else the run's {@code runCadvisor}. */
    public java.util.Optional<java.net.URI> cadvisorOr(
        java.util.Optional<java.net.URI> runCadvisor) {
      return cadvisor.isEmpty()
          ? runCadvisor
          : java.util.Optional.of(java.net.URI.create(cadvisor));
    }

    /** The CPUs this engine's units use: its own, else the run's {@code runCpuset}. */
    public String cpusetOr(String runCpuset) {
      return cpuset.isEmpty() ? runCpuset : cpuset;
    }
  }

  /**
   * @param steps argv lists run in order (e.g. pass 1, then pass 2); all are the unit's cost
   * @param template what kind of command it is, for tables
   * @param warmupSteps what a warm-up round runs: a generated unit on a fifth of a second of media
   *     ({@code UnitLength.warmupSteps}; issue 13: a warm-up is there to bring the binary and the
   *     sandbox's first exec up to speed, which does not grow with the media; a whole round of it
   *     would only lengthen the run), a user's command as written
   */
  public record Unit(List<List<String>> steps, String template, List<List<String>> warmupSteps) {
    public Unit {
      steps = List.copyOf(steps);
      // plans written before warm-ups had their own steps warm up with the unit itself
      warmupSteps = warmupSteps == null ? steps : List.copyOf(warmupSteps);
    }

    /**
     * The plan's unit for a workload's: its steps and kind, and what its warm-up runs (a generated
     * unit on {@link UnitLength#WARMUP_SECONDS} of media, lengthened or not; a user's command as
     * written).
     */
    public static Unit of(WorkloadUnit u) {
      return new Unit(u.steps(), u.kind(), UnitLength.warmupSteps(u));
    }

    /** A unit that warms up with its own steps. */
    public Unit(List<List<String>> steps, String template) {
      this(steps, template, steps);
    }
  }

  public RunPlan {
    variants = Map.copyOf(variants);
    units = Map.copyOf(units);
    engines = engines == null ? List.of() : List.copyOf(engines);
  }

  /** The named engine {@code name}. */
  public Engine engine(String name) {
    return engines.stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "engine '"
                        + name
                        + "' is not in the run plan; planned: "
                        + engines.stream().map(Engine::name).toList()));
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

  /**
   * The same plan with {@code variant}'s image on {@code engine}: built there when the variant
   * moved to that engine mid-run (its own was lost).
   */
  public RunPlan withImage(String variant, String engine, String image) {
    Variant v = variant(variant);
    Map<String, String> onEngine = new java.util.LinkedHashMap<>(v.imageOnEngine());
    onEngine.put(engine, image);
    Map<String, Variant> all = new java.util.LinkedHashMap<>(variants);
    all.put(variant, new Variant(v.binDir(), v.image(), v.manifestDigest(), onEngine));
    return new RunPlan(
        runId,
        runDir,
        runtime,
        cpuset,
        memoryBytes,
        timeoutMillis,
        intervalMillis,
        influxUrl,
        influxDatabase,
        machine,
        all,
        units,
        cadvisorUrl,
        engines);
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
