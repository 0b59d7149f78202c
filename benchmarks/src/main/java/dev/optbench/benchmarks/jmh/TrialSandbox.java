package dev.optbench.benchmarks.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.harness.metrics.CollectorSession;
import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.metrics.MetricsSink;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.metrics.UnitTotals;
import dev.optbench.harness.metrics.collect.CgroupCollector;
import dev.optbench.harness.metrics.sink.CompositeSink;
import dev.optbench.harness.metrics.sink.InfluxDbSink;
import dev.optbench.harness.metrics.sink.InfluxSettings;
import dev.optbench.harness.metrics.sink.LineProtocolFileSink;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.Execution;
import dev.optbench.harness.runtime.RuntimeSelector;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JMH trial's world: the variant's sandbox, its work folder, the time-series sink and the
 * collector sampling the sandbox. Kept apart from the JMH annotations so it can be tested and
 * reasoned about on its own. An interleaved run opens one per variant ({@link #openVariant}) and
 * runs every unit in it ({@link #runUnit(String)}), so no sandbox is opened per trial. Opening
 * order matters for cleanup: what was opened is closed in reverse, also when opening fails
 * half-way.
 */
public final class TrialSandbox implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RunPlan plan;
  private final String variant;
  private final String unitId;
  private final Path workDir;
  private final MetricsSink sink;
  private final Sandbox sandbox;
  private final CollectorSession series;
  private int invocation;

  private TrialSandbox(RunPlan plan, String variant, String unitId, String name)
      throws IOException {
    this.plan = plan;
    this.variant = variant;
    this.unitId = unitId;
    RunPlan.Variant v = plan.variant(variant);
    this.workDir = Files.createDirectories(plan.folder().work().resolve(name));
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(MetricSchema.TAG_RUN_ID, plan.runId());
    tags.put(MetricSchema.TAG_VARIANT, variant);
    tags.put(MetricSchema.TAG_ENGINE, plan.runtime());
    tags.put(MetricSchema.TAG_MACHINE, plan.machine());
    this.sink = openSink(plan, name);
    Sandbox opened = null;
    try {
      ContainerRuntime rt =
          RuntimeSelector.fromServiceLoader()
              .select(Optional.of(plan.runtime()))
              .provider()
              .create();
      opened =
          rt.open(
              new VariantRef(
                  variant, v.binDir(), Optional.ofNullable(v.image()), v.manifestDigest()),
              new SandboxLimits(plan.cpuset(), plan.memoryBytes(), workDir, tags));
      this.sandbox = opened;
      this.series =
          opened.target().cgroupDirs().isEmpty()
              ? null // the process runtime has no cgroup to sample; the main job said so
              : new CgroupCollector()
                  .attach(opened.target(), Duration.ofMillis(plan.intervalMillis()), sink, tags);
    } catch (RuntimeException e) {
      if (opened != null) {
        opened.close();
      }
      sink.close();
      throw e;
    }
  }

  public static TrialSandbox open(RunPlan plan, String variant, String unitId) {
    plan.unit(unitId); // fail here, not at the first invocation
    try {
      return new TrialSandbox(plan, variant, unitId, variant + "-" + unitId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the trial " + variant + " x " + unitId, e);
    }
  }

  /** The variant's sandbox for a whole interleaved run: any unit of the plan runs in it. */
  public static TrialSandbox openVariant(RunPlan plan, String variant) {
    try {
      return new TrialSandbox(plan, variant, "", variant);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the sandbox of " + variant, e);
    }
  }

  /**
   * Line protocol always, so the run folder holds the series the report charts; with InfluxDB also
   * there (for Grafana), spooled to disk while it is away.
   */
  private static MetricsSink openSink(RunPlan plan, String name) throws IOException {
    Files.createDirectories(plan.folder().samples());
    MetricsSink file = new LineProtocolFileSink(plan.folder().samples().resolve(name + ".lp"));
    if (plan.influxUrl() == null) {
      return file;
    }
    return new CompositeSink(
        List.of(
            new InfluxDbSink(
                InfluxSettings.of(plan.influxUrl(), plan.influxDatabase()),
                plan.folder().samples().resolve(name + ".spool")),
            file));
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

  /** Runs every step of the trial's unit in the sandbox; the totals cover all of them. */
  public ResourceUsage runUnit() {
    return runUnit(unitId);
  }

  /** Runs every step of the plan's unit {@code unitId}; the totals cover all of them. */
  public ResourceUsage runUnit(String unitId) {
    RunPlan.Unit unit = plan.unit(unitId);
    invocation++;
    List<ResourceUsage> steps = new ArrayList<>();
    String stderr = "";
    boolean timedOut = false;
    if (series != null) {
      series.setUnit(unitId);
    }
    try {
      for (List<String> argv : unit.steps()) {
        Execution e = sandbox.run(argv, Duration.ofMillis(plan.timeoutMillis()));
        steps.add(e.usage());
        if (!e.usage().succeeded()) {
          stderr = e.stderrTail();
          timedOut = e.timedOut();
          break; // later steps depend on this one (pass 2 reads pass 1's log)
        }
      }
    } finally {
      if (series != null) {
        series.setUnit(null);
      }
    }
    ResourceUsage total = UnitTotals.sum(steps);
    if (!total.succeeded()) {
      recordFailure(unitId, total, stderr, timedOut);
    }
    return total;
  }

  /** One JSON line per failed invocation, appended: forks write to the same file in turn. */
  private void recordFailure(String unitId, ResourceUsage u, String stderr, boolean timedOut) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("variant", variant);
    line.put("unit", unitId);
    line.put("invocation", invocation);
    line.put("exitCode", u.exitCode());
    line.put("signal", u.signal());
    line.put("oomKilled", u.oomKilled());
    line.put("timedOut", timedOut);
    String tail = stderr.strip();
    line.put("stderrTail", tail.length() > 600 ? tail.substring(tail.length() - 600) : tail);
    try {
      Files.writeString(
          plan.folder().failures(),
          JSON.writeValueAsString(line) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot record a failed unit in " + plan.folder().failures(), e);
    }
  }

  /** Stops the collector (last sample flushed), removes the sandbox, closes the sink. */
  @Override
  public void close() {
    try {
      if (series != null) {
        series.close();
      }
    } finally {
      try {
        sandbox.close();
      } finally {
        sink.close();
        try {
          WorkFolders.delete(workDir);
        } catch (IOException e) {
          System.err.println("optbench: could not remove the work folder " + workDir + ": " + e);
        }
      }
    }
  }
}
