package dev.optbench.harness.runner;

import dev.optbench.harness.metrics.Collector;
import dev.optbench.harness.metrics.CollectorSession;
import dev.optbench.harness.metrics.MeasurementTarget;
import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.metrics.MetricsSink;
import dev.optbench.harness.metrics.collect.CadvisorCollector;
import dev.optbench.harness.metrics.collect.CgroupCollector;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.SandboxLimits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles variant sessions for one run: the runtime's sandbox with the run's limits and tags, the
 * sink by the one policy ({@link Sinks}), and the collector that fits the sandbox — cAdvisor's API
 * when one is given, else the cgroup files, else the runtime's own (a remote Docker engine's stats
 * API), else none (the process runtime has no cgroup: its session samples nothing and writes no
 * series file). Callers never ask which runtime they hold.
 */
public final class RunAssembly {
  private static final Logger LOG = LoggerFactory.getLogger(RunAssembly.class);
  private final ContainerRuntime runtime;
  private final RunSettings settings;

  public RunAssembly(ContainerRuntime runtime, RunSettings settings) {
    this.runtime = runtime;
    this.settings = settings;
  }

  /**
   * Opens {@code variant}'s sandbox, its sink and collector. Open one per variant and run as many
   * units in it as needed; close it when the variant is done. What was opened is closed again if
   * opening fails half-way.
   *
   * @param workDir host folder the units run in (mounted at /work in containers); must exist
   * @param seriesName the sink files' name, {@code <seriesName>.lp}, unique within the run
   */
  public VariantSession open(VariantRef variant, Path workDir, String seriesName) {
    Map<String, String> tags = tags(variant.name());
    Sandbox sandbox =
        runtime.open(
            variant, new SandboxLimits(settings.cpuset(), settings.memoryBytes(), workDir, tags));
    MetricsSink sink = null;
    try {
      Optional<Collector> collector = collector(sandbox.target());
      sink =
          collector.isPresent()
              ? Sinks.open(settings.samplesDir(), seriesName, settings.influx())
              : MetricsSink.none();
      CollectorSession session =
          collector.isPresent()
              ? collector.get().attach(sandbox.target(), settings.interval(), sink, tags)
              : CollectorSession.none();
      return new VariantSession(sandbox, sink, session, settings.timeout());
    } catch (RuntimeException e) {
      if (sink != null) {
        sink.close();
      }
      sandbox.close();
      throw e;
    }
  }

  /** The tags of every sample: run_id, variant, engine, machine (plus unit, per unit). */
  public Map<String, String> tags(String variant) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(MetricSchema.TAG_RUN_ID, settings.runId());
    tags.put(MetricSchema.TAG_VARIANT, variant);
    // a named engine is a dimension of the results; without one the tag has said the runtime
    tags.put(
        MetricSchema.TAG_ENGINE, settings.engine().isEmpty() ? runtime.name() : settings.engine());
    tags.put(MetricSchema.TAG_MACHINE, settings.machine());
    return tags;
  }

  /**
   * cAdvisor when given; else the cgroup files on this machine; else, for a container whose cgroup
   * files are elsewhere (a remote engine), its engine's stats API, said so once per sandbox with
   * what it lacks; else none (the process runtime).
   */
  private Optional<Collector> collector(MeasurementTarget target) {
    if (settings.cadvisor().isPresent()) {
      return settings.cadvisor().map(CadvisorCollector::new);
    }
    if (!target.cgroupDirs().isEmpty()) {
      return Optional.of(new CgroupCollector());
    }
    Optional<Collector> engine =
        target.containerId().isPresent() ? runtime.engineCollector() : Optional.empty();
    engine.ifPresent(
        c ->
            LOG.info(
                "series of {} from {}: a point a second, not every {} ms; peaks shorter than"
                    + " that are missed (totals are still taken inside the container)",
                target.name(),
                c,
                settings.interval().toMillis()));
    return engine;
  }

  public ContainerRuntime runtime() {
    return runtime;
  }
}
