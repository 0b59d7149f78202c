package dev.optbench.benchmarks.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.harness.engine.Engines;
import dev.optbench.harness.files.AtomicFile;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.metrics.sink.InfluxSettings;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runner.RunAssembly;
import dev.optbench.harness.runner.RunSettings;
import dev.optbench.harness.runner.UnitResult;
import dev.optbench.harness.runner.VariantSession;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.RuntimeSelector;
import dev.optbench.harness.runtime.docker.DockerEngine;
import dev.optbench.harness.runtime.docker.DockerRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JMH trial's world: the variant's {@link VariantSession} (sandbox, collector, sinks, from the
 * one {@link RunAssembly}) and its work folder. Kept apart from the JMH annotations so it can be
 * tested and reasoned about on its own. An interleaved run opens one per variant ({@link
 * #openVariant}) and runs every unit in it ({@link #runUnit(String)}), so no sandbox is opened per
 * trial.
 */
public final class TrialSandbox implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RunPlan plan;
  private final String variant;
  private final String engine;
  private final String unitId;
  private final DockerEngine connection;
  private final Path workDir;
  private final VariantSession session;
  private int invocation;

  private TrialSandbox(RunPlan plan, String variant, String engine, String unitId, String name)
      throws IOException {
    this.plan = plan;
    this.variant = variant;
    this.engine = engine;
    this.unitId = unitId;
    RunPlan.Variant v = plan.variant(variant);
    String image = v.image(engine);
    if (!engine.isEmpty() && image == null) {
      throw new IllegalArgumentException(
          "variant " + variant + " was not placed on engine " + engine + " (no image there)");
    }
    this.workDir = Files.createDirectories(plan.folder().work().resolve(name));
    // A named engine gets its own connection (a fork cannot inherit the main job's); the run's
    // one engine is found as the main job found it.
    this.connection = engine.isEmpty() ? null : Engines.connect(plan.engine(engine).spec());
    try {
      ContainerRuntime rt =
          connection != null
              ? new DockerRuntime(connection)
              : RuntimeSelector.fromServiceLoader()
                  .select(Optional.of(plan.runtime()))
                  .provider()
                  .create();
      RunSettings settings =
          engine.isEmpty()
              ? settings(plan)
              : settings(plan)
                  .onEngine(engine)
                  .withCpuset(plan.engine(engine).cpusetOr(plan.cpuset()))
                  .withCadvisor(plan.engine(engine).cadvisorOr(cadvisor(plan)));
      this.session =
          new RunAssembly(rt, settings)
              .open(
                  new VariantRef(
                      variant, v.binDir(), Optional.ofNullable(image), v.manifestDigest()),
                  workDir,
                  name);
    } catch (RuntimeException e) {
      if (connection != null) {
        connection.close();
      }
      throw e;
    }
  }

  /** The run's settings as the main job planned them; the series go to the run folder. */
  public static RunSettings settings(RunPlan plan) {
    return new RunSettings(
        plan.runId(),
        plan.machine(),
        plan.cpuset(),
        plan.memoryBytes(),
        Duration.ofMillis(plan.timeoutMillis()),
        Duration.ofMillis(plan.intervalMillis()),
        plan.folder().samples(),
        Optional.ofNullable(plan.influxUrl())
            .map(url -> InfluxSettings.of(url, plan.influxDatabase())),
        cadvisor(plan));
  }

  /** The run's {@code --cadvisor}, if given. */
  private static Optional<URI> cadvisor(RunPlan plan) {
    return Optional.ofNullable(plan.cadvisorUrl()).map(URI::create);
  }

  public static TrialSandbox open(RunPlan plan, String variant, String unitId) {
    return open(plan, variant, "", unitId);
  }

  /**
   * One JMH trial on {@code engine} ("" for the run's one engine): the engine is in the sandbox's
   * and series' names, so two engines' trials of the same pair never share a file.
   */
  public static TrialSandbox open(RunPlan plan, String variant, String engine, String unitId) {
    plan.unit(unitId); // fail here, not at the first invocation
    try {
      return new TrialSandbox(plan, variant, engine, unitId, name(variant, engine) + "-" + unitId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the trial " + variant + " x " + unitId, e);
    }
  }

  /**
   * Empties the work folder but for the shared inputs, so every invocation starts alike (no
   * leftover output to overwrite, no pass log of the previous run). Not measured: JMH calls it from
   * an iteration-level setup.
   */
  public void resetWorkDir() {
    try {
      WorkFolders.clear(workDir);
      if (Files.isDirectory(plan.folder().media().resolve("inputs"))) {
        WorkFolders.linkTree(plan.folder().media().resolve("inputs"), workDir.resolve("inputs"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reset the work folder " + workDir, e);
    }
  }

  /** Runs every step of the unit in the sandbox; the totals cover all of them. */
  public ResourceUsage runUnit() {
    return runUnit(unitId);
  }

  /** The variant's sandbox for a whole interleaved run: any unit of the plan runs in it. */
  public static TrialSandbox openVariant(RunPlan plan, String variant) {
    return openVariant(plan, variant, "");
  }

  /** The variant's sandbox on {@code engine} ("" for the run's one engine) for a whole run. */
  public static TrialSandbox openVariant(RunPlan plan, String variant, String engine) {
    try {
      return new TrialSandbox(plan, variant, engine, "", name(variant, engine));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the sandbox of " + variant, e);
    }
  }

  /** "O2", or "O2@a" on a named engine: work folder, series file and sandbox names. */
  private static String name(String variant, String engine) {
    return engine.isEmpty() ? variant : variant + "@" + engine;
  }

  /** Runs every step of the plan's unit {@code unitId}; the totals cover all of them. */
  public ResourceUsage runUnit(String unitId) {
    return run(unitId, plan.unit(unitId).steps());
  }

  /**
   * A warm-up invocation of {@code unitId}: its warm-up steps (the unit as written when it was
   * lengthened, {@link RunPlan.Unit#warmupSteps}).
   */
  public ResourceUsage warmUp(String unitId) {
    return run(unitId, plan.unit(unitId).warmupSteps());
  }

  private ResourceUsage run(String unitId, List<List<String>> steps) {
    invocation++;
    UnitResult result = session.run(unitId, steps);
    if (!result.succeeded()) {
      recordFailure(unitId, result.total(), result.last().stderrTail(), result.timedOut());
    }
    return result.total();
  }

  /**
   * One JSON line per failed invocation, added atomically (a full disk never cuts a line): forks
   * write to the same file in turn.
   */
  private void recordFailure(String unitId, ResourceUsage u, String stderr, boolean timedOut) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("variant", variant);
    if (!engine.isEmpty()) {
      line.put("engine", engine);
    }
    line.put("unit", unitId);
    line.put("invocation", invocation);
    line.put("exitCode", u.exitCode());
    line.put("signal", u.signal());
    line.put("oomKilled", u.oomKilled());
    line.put("timedOut", timedOut);
    String tail = stderr.strip();
    line.put("stderrTail", tail.length() > 600 ? tail.substring(tail.length() - 600) : tail);
    try {
      AtomicFile.appendLine(plan.folder().failures(), JSON.writeValueAsString(line));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a failed unit's record", e);
    }
  }

  /** Closes the session (collector, sandbox, sink), then removes the work folder. */
  @Override
  public void close() {
    try {
      session.close();
    } finally {
      if (connection != null) {
        connection.close();
      }
      try {
        WorkFolders.delete(workDir);
      } catch (IOException e) {
        System.err.println("optbench: could not remove the work folder " + workDir + ": " + e);
      }
    }
  }
}
