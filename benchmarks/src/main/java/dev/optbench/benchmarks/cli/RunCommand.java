package dev.optbench.benchmarks.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.optbench.benchmarks.job.Leftovers;
import dev.optbench.build.VariantSet;
import dev.optbench.build.compile.BuiltVariant;
import dev.optbench.build.compile.ConsoleBuildProgress;
import dev.optbench.build.image.VariantImages;
import dev.optbench.build.spec.VariantSpecs;
import dev.optbench.harness.host.HostReport;
import dev.optbench.harness.metrics.CollectorSession;
import dev.optbench.harness.metrics.MetricSchema;
import dev.optbench.harness.metrics.MetricsSink;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.metrics.collect.CgroupCollector;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.Execution;
import dev.optbench.harness.runtime.RuntimeSelector;
import dev.optbench.harness.runtime.Sandbox;
import dev.optbench.harness.runtime.docker.DockerEngine;
import dev.optbench.harness.runtime.docker.DockerRuntime;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code optbench run}: one command, N times, on one variant, in its sandbox; prints the
 * kernel-counter totals of each repetition and their medians while the collector streams the time
 * series to InfluxDB or a line-protocol file.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run one command N times on one variant in an isolated sandbox and print what each"
          + " repetition cost, from kernel counters.",
      "Example: optbench run --variant O2 -n 5 -- ffmpeg -f lavfi -i testsrc2=duration=5"
          + " -c:v mpeg4 -f null -"
    })
public final class RunCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Option(
      names = "--variant",
      paramLabel = "V",
      defaultValue = "O2",
      description = "Variant to run (preset or NAME=FLAGS). Default: ${DEFAULT-VALUE}.")
  String variant;

  @Option(
      names = "--profile",
      paramLabel = "P",
      defaultValue = "minimal",
      converter = VariantOptions.ProfileConverter.class,
      description = "Build profile of the variant: minimal or full. Default: ${DEFAULT-VALUE}.")
  dev.optbench.build.spec.Profile profile;

  @Mixin SourceOptions source;
  @Mixin RuntimeOptions runtime;
  @Mixin SinkOptions sinkOptions;

  @Option(
      names = {"-n", "--repetitions"},
      paramLabel = "N",
      defaultValue = "5",
      description = "Repetitions. Default: ${DEFAULT-VALUE}.")
  int repetitions;

  @Mixin CacheOption cache;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "optbench-out/run",
      description =
          "Work folder of the units (mounted at /work in containers) and the samples file. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Parameters(
      arity = "1..*",
      paramLabel = "ARGV",
      description =
          "The command: ffmpeg and its arguments (after --). Run as an argv list, never through a shell.")
  List<String> argv;

  /** Time series need a cgroup to sample; the process runtime has none, and says so. */
  private CollectorSession attachCollector(
      Sandbox sandbox, MetricsSink sink, Map<String, String> tags, PrintStream o) {
    if (sandbox.target().cgroupDirs().isEmpty()) {
      o.println(
          "series: none (the "
              + tags.get(MetricSchema.TAG_ENGINE)
              + " runtime has no cgroup to sample; use --runtime docker or cgroup for time"
              + " series)");
      return new CollectorSession() {
        @Override
        public void setUnit(String unitId) {}

        @Override
        public void close() {}
      };
    }
    return new CgroupCollector().attach(sandbox.target(), sinkOptions.interval(), sink, tags);
  }

  @Override
  public Integer call() throws Exception {
    PrintStream o = System.out;
    if (repetitions < 1) {
      throw new IllegalArgumentException("--repetitions must be at least 1");
    }
    RuntimeSelector.Choice choice = runtime.select();
    sinkOptions.checkReachable();
    o.println("runtime:\n" + choice.describe());
    HostReport host = HostReport.collect();
    host.warnings().forEach(w -> o.println("warning: " + w.message()));

    Path cacheDir = cache.dir();
    BuiltVariant built =
        new VariantSet(
                cacheDir, Runtime.getRuntime().availableProcessors(), new ConsoleBuildProgress(o))
            .build(List.of(VariantSpecs.fromCli(variant, profile)), source.provider())
            .variants()
            .get(0);
    ContainerRuntime rt = choice.provider().create();
    Optional<DockerEngine> engine =
        rt instanceof DockerRuntime d ? Optional.of(d.engine()) : Optional.empty();
    engine.ifPresent(new Leftovers(o)::removeDeadContainers); // of killed runs
    VariantRef ref = VariantImages.prepare(List.of(built), engine, o).get(0);

    String runId = "run-" + Instant.now().toString().replaceAll("[^0-9T]", "").substring(0, 15);
    Path work = Files.createDirectories(out.resolve("work"));
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(MetricSchema.TAG_RUN_ID, runId);
    tags.put(MetricSchema.TAG_VARIANT, ref.name());
    tags.put(MetricSchema.TAG_ENGINE, rt.name());
    tags.put(MetricSchema.TAG_MACHINE, host.host().machine());
    List<ResourceUsage> results = new ArrayList<>();
    try (MetricsSink sink = sinkOptions.open(out, runId);
        Sandbox sandbox = rt.open(ref, runtime.limits(work, tags));
        CollectorSession series = attachCollector(sandbox, sink, tags, o)) {
      o.println(UsageTable.header());
      for (int i = 1; i <= repetitions; i++) {
        series.setUnit("rep-" + i);
        Execution e = sandbox.run(argv, runtime.timeout());
        series.setUnit(null);
        results.add(e.usage());
        o.println(UsageTable.row("#" + i, e.usage()) + (e.timedOut() ? "  TIMED OUT" : ""));
        if (!e.usage().succeeded() && !e.stderrTail().isBlank()) {
          o.println("  stderr: " + e.stderrTail().strip().lines().reduce((a, b) -> b).orElse(""));
        }
      }
      o.println(UsageTable.row("median", UsageTable.median(results)));
      o.println("series: " + sink);
    }
    Path json = out.resolve(runId + ".json");
    RunResults.write(RunResults.of(ref.name(), String.join(" ", argv), results), json);
    JSON.writeValue(out.resolve(runId + ".host.json").toFile(), host);
    o.println("results: " + json + " (JMH JSON), host facts: " + runId + ".host.json");
    return results.stream().allMatch(ResourceUsage::succeeded) ? 0 : 1;
  }
}
