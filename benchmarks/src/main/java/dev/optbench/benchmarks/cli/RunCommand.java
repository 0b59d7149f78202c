package dev.optbench.benchmarks.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.optbench.benchmarks.job.Leftovers;
import dev.optbench.benchmarks.job.OutputFolders;
import dev.optbench.build.VariantSet;
import dev.optbench.build.compile.BuiltVariant;
import dev.optbench.build.compile.ConsoleBuildProgress;
import dev.optbench.build.manifest.Manifests;
import dev.optbench.build.spec.VariantSpecs;
import dev.optbench.harness.host.HostReport;
import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.reservation.FavorDynmods;
import dev.optbench.harness.runner.RunAssembly;
import dev.optbench.harness.runner.RunSettings;
import dev.optbench.harness.runner.UnitResult;
import dev.optbench.harness.runner.VariantSession;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.RuntimeSelector;
import dev.optbench.harness.runtime.UnitPrograms;
import dev.optbench.results.model.BenchmarkResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code optbench run}: one command, N times, on one variant, in its sandbox; prints the
 * kernel-counter totals of each repetition and their medians while the collector streams the time
 * series to a line-protocol file (and InfluxDB, if given): the run assembly of {@code
 * harness.runner}, as the main job's trials use it.
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
  @Mixin InstructionOptions instructions;

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

  @Override
  public Integer call() throws Exception {
    PrintStream o = System.out;
    if (repetitions < 1) {
      throw new IllegalArgumentException("--repetitions must be at least 1");
    }
    UnitPrograms.requireVariantProgram(argv, "the command");
    runtime.checkLimits(sinkOptions.interval());
    OutputFolders.requireWritable(out, "--out");
    RuntimeSelector.Choice choice = runtime.select();
    sinkOptions.checkReachable();
    var instructionPass = instructions.pass(Duration.ofMinutes(60), o);
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
    new Leftovers(o).removeDeadSandboxes(rt); // of killed runs
    VariantRef ref =
        rt.prepare(
            new VariantRef(
                built.manifest().variant(),
                built.binDir(),
                Optional.empty(),
                Manifests.buildDigest(built.manifest())));
    ref.image().ifPresent(image -> o.printf("[%s] image %s%n", ref.name(), image));

    String runId = "run-" + Instant.now().toString().replaceAll("[^0-9T]", "").substring(0, 15);
    Path work = Files.createDirectories(out.resolve("work"));
    RunAssembly assembly =
        new RunAssembly(
            rt,
            new RunSettings(
                runId,
                host.host().machine(),
                runtime.cpuset(),
                runtime.memoryBytes(),
                runtime.timeout(),
                sinkOptions.interval(),
                out,
                sinkOptions.influxSettings(),
                sinkOptions.cadvisor()));
    List<ResourceUsage> results = new ArrayList<>();
    HostReport.Protection hostChanges;
    try (FavorDynmods dynmods =
            FavorDynmods.forRun(runtime.favorDynmods(), choice.provider().name(), false, o);
        VariantSession session = assembly.open(ref, work.toAbsolutePath(), runId)) {
      hostChanges =
          new HostReport.Protection(
              choice.provider().name().equals("process")
                  ? "none: the process runtime has no cgroup"
                  : choice.reasons().get(choice.provider().name()).reason(),
              "off (the run command reserves no cores)",
              dynmods.describe());
      o.println(UsageTable.header());
      for (int i = 1; i <= repetitions; i++) {
        UnitResult r = session.run("rep-" + i, List.of(argv));
        results.add(r.total());
        o.println(UsageTable.row("#" + i, r.total()) + (r.timedOut() ? "  TIMED OUT" : ""));
        String stderr = r.last().stderrTail();
        if (!r.succeeded() && !stderr.isBlank()) {
          o.println("  stderr: " + stderr.strip().lines().reduce((x, y) -> y).orElse(""));
        }
      }
      o.println(UsageTable.row("median", UsageTable.median(results)));
      o.println(UsageTable.NOTE);
      o.println("series: " + session.series());
    }
    Path json = out.resolve(runId + ".json");
    BenchmarkResult result = RunResults.of(ref.name(), String.join(" ", argv), results);
    if (instructionPass.isPresent()) { // its own pass, after the timed ones
      result =
          instructionPass
              .get()
              .addTo(
                  result, ref.binDir(), List.of(argv), work, out.resolve(runId + ".profile"), "run")
              .result();
    }
    RunResults.write(result, json);
    JSON.writeValue(out.resolve(runId + ".host.json").toFile(), host.withProtection(hostChanges));
    o.println("results: " + json + " (JMH JSON), host facts: " + runId + ".host.json");
    return results.stream().allMatch(ResourceUsage::succeeded) ? 0 : 1;
  }
}
