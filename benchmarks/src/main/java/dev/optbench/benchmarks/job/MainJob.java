package dev.optbench.benchmarks.job;

import dev.optbench.benchmarks.jmh.AtomicJson;
import dev.optbench.benchmarks.jmh.RunFolder;
import dev.optbench.benchmarks.jmh.RunPlan;
import dev.optbench.benchmarks.jmh.WorkFolders;
import dev.optbench.benchmarks.profile.InstructionPass;
import dev.optbench.benchmarks.profile.RunFolderPass;
import dev.optbench.benchmarks.rounds.PrecisionTarget;
import dev.optbench.benchmarks.rounds.RoundOrder;
import dev.optbench.build.FunctionalComparison;
import dev.optbench.build.VariantSet;
import dev.optbench.build.compile.BuiltVariant;
import dev.optbench.build.compile.ConsoleBuildProgress;
import dev.optbench.build.manifest.BuildManifest;
import dev.optbench.build.manifest.Manifests;
import dev.optbench.build.source.SourceTrees;
import dev.optbench.build.spec.VariantSpec;
import dev.optbench.harness.engine.EngineSpec;
import dev.optbench.harness.engine.Placement;
import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.files.AtomicFile;
import dev.optbench.harness.host.HostReport;
import dev.optbench.harness.metrics.collect.CadvisorCollector;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.profile.CountFailedException;
import dev.optbench.harness.reservation.CoreReservation;
import dev.optbench.harness.reservation.FavorDynmods;
import dev.optbench.harness.runtime.ContainerRuntime;
import dev.optbench.harness.runtime.RuntimeSelector;
import dev.optbench.harness.workload.WorkloadFile;
import dev.optbench.harness.workload.WorkloadUnit;
import dev.optbench.harness.workload.WorkloadWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The whole pipeline behind {@code java -jar benchmarks.jar}: check the inputs, build (or reuse)
 * the variants, generate (or reuse) the workload, run every (variant, unit) pair with JMH in the
 * variant's sandbox, then write the report and print the verdict. Everything lands in {@code
 * optbench-results/<run-id>/} (or {@code --results}). Inputs that can be checked are checked before
 * the first long step.
 */
public final class MainJob {
  private final JobSettings s;
  private final PrintStream o;
  private Optional<InstructionPass> instructions = Optional.empty();
  private NamedEngines engines; // null without --engine

  public MainJob(JobSettings settings, PrintStream out) {
    this.s = settings;
    this.o = out;
  }

  /** Adds the instruction pass ({@code --instructions}), run after JMH, before the report. */
  public MainJob instructions(Optional<InstructionPass> pass) {
    this.instructions = pass;
    return this;
  }

  /** 0: complete and every unit succeeded; 1: units failed or trials are missing. */
  public int run() throws IOException, RunnerException {
    // --- checks that need no long work
    CommandLineOptions jmh = JmhLauncher.parse(s.jmhArgs());
    List<VariantSpec> specs =
        JmhParams.select(jmh, "variant", s.variants(), VariantSpec::name, "--variants (or --spec)");
    Optional<WorkloadFile> given = s.workload().map(WorkloadChoice::read);
    InputChecks.check(s, specs);
    PrecisionTarget precision = Interleaving.precision(jmh, s.order());
    s.influx().ifPresent(JobSettings.Influx::check);
    s.cadvisor().ifPresent(CadvisorCollector::check);
    for (EngineSpec e : s.engines()) {
      e.cadvisor()
          .ifPresent(url -> CadvisorCollector.check(url, "engine " + e.name() + "'s cadvisor="));
    }
    Placement.checkRule(s.placement());
    if (s.engines().isEmpty() && !s.placement().equals(Placement.WHOLE)) {
      throw new IllegalArgumentException(
          "--placement " + s.placement() + " places variants on named engines: give --engine too");
    }
    if (!s.engines().isEmpty() && (s.checkOutputs() || instructions.isPresent())) {
      // both run every variant once more in one sandbox each; on named engines that would be an
      // engine per variant, which is not built yet
      throw new IllegalArgumentException(
          (s.checkOutputs() ? "--check-outputs" : "--instructions")
              + " is not built for runs on named engines yet: run it without --engine");
    }
    if (!s.engines().isEmpty() && s.reserveCores()) {
      throw new IllegalArgumentException(
          "--reserve-cores moves this machine's processes off its CPUs, but with --engine the"
              + " units run on the engines' hosts: drop one of the two");
    }
    // Named engines: all connected now, before any build, so a TLS mistake costs seconds.
    engines = s.engines().isEmpty() ? null : NamedEngines.connect(s.engines());
    try {
      return run(jmh, specs, given, precision);
    } finally {
      if (engines != null) {
        engines.close();
      }
    }
  }

  private int run(
      CommandLineOptions jmh,
      List<VariantSpec> specs,
      Optional<WorkloadFile> given,
      PrecisionTarget precision)
      throws IOException, RunnerException {
    RuntimeSelector.Choice choice = engines == null ? s.runtimeChoice().get() : engines.choice();
    Reservations.check(s.reserveCores(), choice, s.cpuset());
    o.println("runtime:\n" + choice.describe());
    if (choice.provider().name().equals("process")) {
      o.println(
          "  note: the process runtime enforces no limits and has no cgroup: peak memory is the"
              + " largest process's RSS, no block I/O, no OOM count, no time series.");
    }
    String baseline = Baseline.choose(s.baseline(), specs.stream().map(VariantSpec::name).toList());
    Optional<Placement> placement =
        Optional.ofNullable(engines)
            .map(
                e ->
                    Placement.of(
                        s.placement(),
                        specs.stream().map(VariantSpec::name).toList(),
                        baseline,
                        e.names()));
    placement.ifPresent(p -> engines.print(p, o));
    placement.ifPresent(p -> engines.printSeriesSources(p, s.cadvisor(), o));
    if (s.order().interleaved()) { // JMH's order runs engine after engine: no core is shared
      placement.ifPresent(p -> engines.warnSharedCores(p, s.cpuset(), o));
    }
    new SourceTrees(s.cacheDir()).check(s.source()); // the first time: apt's source index, ~15 s
    HostReport host = HostReport.collect();
    host.warnings().forEach(w -> o.println("warning: " + w.message()));

    Leftovers leftovers = new Leftovers(o);
    leftovers.abandonDeadRuns(s.resultsDir());
    leftovers.undoDeadReservation();
    String runId = RunIds.next();
    RunLock.hold(runId, s.resultsDir()); // one measuring run per machine, named to a second one
    RunFolder folder = new RunFolder(s.resultsDir().resolve(runId));
    Files.createDirectories(folder.dir());
    o.println("results: " + folder.dir());
    AtomicJson.write(host, folder.host());

    // --- build
    VariantSet.Result built =
        new VariantSet(s.cacheDir(), s.jobs(), new ConsoleBuildProgress(o))
            .fateLimit(s.fateLimit())
            .build(specs, s.source(), Optional.of(baseline));
    o.printf(
        "functional reference: %s (-O0 when built, else the baseline); FATE passed/failed/skipped:"
            + " %s%n",
        built.reference(),
        String.join(
            ", ",
            built.manifests().stream()
                .map(m -> m.variant() + " " + FateText.counts(m.fate()))
                .toList()));
    FateText.failures(built.manifests()).forEach(o::println);
    List<String> variantNames = new ArrayList<>();
    for (BuildManifest m : built.manifests()) {
      Manifests.write(folder.variants().resolve(m.variant()), m);
      variantNames.add(m.variant());
      List<String> differing =
          m.functionalCheck() == null || m.functionalCheck().equalToReference() == null
              ? List.of()
              : FunctionalComparison.differing(m);
      if (!differing.isEmpty()) {
        o.printf(
            "[%s] functional check: output differs from %s on %s (kept; the verdict names it)%n",
            m.variant(), m.functionalCheck().reference(), String.join(", ", differing));
      }
    }
    ContainerRuntime rt;
    List<VariantRef> refs = new ArrayList<>();
    Map<String, Map<String, String>> images = new LinkedHashMap<>(); // variant -> engine -> image
    if (placement.isEmpty()) {
      rt = choice.provider().create();
      leftovers.removeDeadSandboxes(rt);
      for (BuiltVariant v : built.variants()) {
        VariantRef ref = rt.prepare(unprepared(v));
        ref.image().ifPresent(image -> o.printf("[%s] image %s%n", ref.name(), image));
        refs.add(ref);
      }
    } else {
      engines.removeDeadSandboxes(o);
      // each engine builds its own images: no registry carries them between engines
      for (String engine : placement.get().engines()) {
        for (BuiltVariant v : built.variants()) {
          if (placement.get().variantsOn(engine).contains(v.manifest().variant())) {
            VariantRef ref = engines.runtime(engine).prepare(unprepared(v));
            o.printf("[%s@%s] image %s%n", ref.name(), engine, ref.image().orElse("?"));
            images
                .computeIfAbsent(ref.name(), k -> new LinkedHashMap<>())
                .put(engine, ref.image().orElseThrow());
          }
        }
      }
      rt = engines.runtime(placement.get().engines().get(0));
    }

    // --- workload
    BuiltVariant reference = built.variants().get(variantNames.indexOf(baseline));
    WorkloadFile workload =
        given.orElseGet(
            () ->
                WorkloadChoice.generated(
                    reference.ffmpeg(),
                    Manifests.buildDigest(reference.manifest()),
                    s.seed(),
                    s.budget(),
                    s.cacheDir(),
                    o));
    List<WorkloadUnit> chosen =
        jmh.getParameter("unit").hasValue()
            ? JmhParams.select(jmh, "unit", workload.units(), WorkloadUnit::id, "the workload")
            : WorkloadChoice.pick(workload, s.units());
    AtomicFile.writeString(folder.workload(), WorkloadWriter.json(workload));
    InputMedia.materialise(workload, reference.ffmpeg(), folder.media());
    Path timing = Files.createDirectories(folder.work().resolve("unit-length"));
    List<WorkloadUnit> units;
    try {
      units =
          ShortUnits.lengthen(
              chosen,
              baseline,
              reference.ffmpeg(),
              ExecHelper.ensureBuilt(s.cacheDir()),
              timing,
              s.order().minUnitMillis(),
              folder.lengths(),
              o);
    } finally {
      WorkFolders.delete(timing);
    }

    // --- plan and JMH
    Map<String, RunPlan.Unit> planned = new LinkedHashMap<>();
    units.forEach(u -> planned.put(u.id(), RunPlan.Unit.of(u)));
    RunPlan plan =
        placement.isEmpty()
            ? plan(runId, folder, choice.provider().name(), refs, planned, host)
            : plan(runId, folder, built.variants(), images, planned, host);
    plan.write(folder.plan());
    List<String> unitIds = units.stream().map(WorkloadUnit::id).toList();
    RunStatus status =
        RunStatus.begin(
            runId,
            Instant.now().toString(),
            plan.runtime(),
            variantNames,
            unitIds,
            placement.map(Placement::placedVariants).orElse(variantNames.size()) * unitIds.size(),
            s.jmhArgs(),
            placement.orElse(Placement.NONE));
    status.write(folder.status());
    Optional<RoundOrder> order =
        s.order().interleaved()
            ? Optional.of(
                Interleaving.order(
                    jmh, s.order(), precision, variantNames, unitIds, placement, folder, o))
            : Optional.empty();
    if (order.isEmpty()) {
      o.printf(
          "%nrunning %d variants x %d units with JMH (%s); each line: the invocations' wall ms"
              + " next to the process, warmup in brackets, ! = failed%n",
          variantNames.size(), unitIds.size(), describe(jmh));
    }
    for (WorkloadUnit u : units) {
      String before =
          u.before().isEmpty() ? "" : " (after " + u.before().size() + " step(s) before it)";
      o.printf("  %-12s %s%s%n", u.id(), String.join(" ", u.argv()), before);
    }
    boolean complete;
    boolean interrupted;
    boolean writeFailed;
    Optional<CoreReservation> reserved = Optional.empty();
    FavorDynmods dynmods = FavorDynmods.untouched("not set yet");
    try {
      try {
        reserved = Reservations.reserve(s.reserveCores(), choice, s.cpuset(), o);
      } catch (RuntimeException e) {
        // nothing was timed: the run ends failed with the reason, not left "running"
        status
            .with(
                RunStatus.FAILED,
                "core reservation: " + e.getMessage(),
                Instant.now().toString(),
                0)
            .write(folder.status());
        throw e;
      }
      dynmods =
          FavorDynmods.forRun(
              s.favorDynmods(), choice.provider().name(), !s.engines().isEmpty(), o);
      AtomicJson.write(
          host.withProtection(Reservations.protection(choice, reserved, dynmods)), folder.host());
      if (order.isPresent()) {
        InterleavedRun rounds =
            new InterleavedRun(
                plan,
                order.get(),
                precision,
                baseline,
                status,
                o,
                placement.orElse(Placement.NONE),
                images(built, variantNames));
        rounds.run();
        complete = rounds.complete();
        interrupted = rounds.wasInterrupted();
        writeFailed = rounds.failedToWriteResults();
      } else if (placement.isPresent()) {
        EngineTrials trials = new EngineTrials(folder, status, o);
        trials.run(jmh, plan, placement.get(), unitIds, s.timeoutMillis());
        complete = trials.complete();
        interrupted = trials.wasInterrupted();
        writeFailed = trials.failedToWriteResults();
      } else {
        TrialRun trials = new TrialRun(folder, status, o);
        trials.run(
            JmhLauncher.options(
                jmh, plan, folder.plan(), variantNames, unitIds, s.timeoutMillis()));
        complete = trials.complete();
        interrupted = trials.wasInterrupted();
        writeFailed = trials.failedToWriteResults();
      }
    } finally {
      reserved.ifPresent(CoreReservation::close); // before anything else: the host gets its CPUs
      dynmods.close();
      WorkFolders.delete(folder.work()); // each sandbox removed its own; this is the parent
    }

    o.println(
        s.influx()
            .map(
                i ->
                    "series: InfluxDB "
                        + i.url()
                        + " database "
                        + i.database()
                        + ", run_id="
                        + runId
                        + " (Grafana: `grafana --out DIR`), and "
                        + folder.samples())
            .orElse("series: " + folder.samples() + " (line protocol)"));
    if (interrupted) {
      return 130; // the JVM is shutting down; the hook said what was kept
    }
    if (writeFailed) {
      return 1; // the run said why; run.json says failed
    }
    boolean instructionsFailed = false;
    if (complete && instructions.isPresent()) { // its own pass, never in timed runs
      try {
        RunFolderPass.run(folder, plan, baseline, instructions.get());
      } catch (CountFailedException e) {
        // The timed results are complete and stand; jmh.json is rewritten only once every pair
        // is counted, so it holds no half of the counts.
        instructionsFailed = true;
        o.println(
            "optbench: the instruction pass failed ("
                + e.getMessage()
                + "); the timed results stand, without instruction counts");
      }
    }
    String outputs = "";
    if (s.checkOutputs()) {
      o.println("checking outputs: every unit once more per variant, unmeasured");
      outputs = OutputCheck.run(plan, folder, rt, refs, baseline);
      o.println(outputs + " (" + folder.outputs() + ")");
    }
    // --- report and verdict
    int exit = new RunReport(folder, baseline, o).finish(complete, status);
    if (instructionsFailed && exit == 0) {
      exit = 1; // asked for and not delivered
    }
    if (!outputs.isEmpty() && Files.isRegularFile(folder.summary())) {
      AtomicFile.writeString(
          folder.summary(),
          Files.readString(folder.summary()) + "\n" + outputs + " (`outputs.json`)\n");
    }
    return exit;
  }

  /**
   * Builds a variant's image on an engine it was not placed on, for a variant that moves there when
   * its own engine is lost ({@link EngineMoves}).
   */
  private EngineMoves.Images images(VariantSet.Result built, List<String> variantNames) {
    if (engines == null) {
      return EngineMoves.Images.NONE;
    }
    NamedEngines named = engines;
    return (variant, engine) ->
        named
            .runtime(engine)
            .prepare(unprepared(built.variants().get(variantNames.indexOf(variant))))
            .image()
            .orElseThrow();
  }

  private static VariantRef unprepared(BuiltVariant v) {
    return new VariantRef(
        v.manifest().variant(), v.binDir(), Optional.empty(), Manifests.buildDigest(v.manifest()));
  }

  /** The plan of a run on named engines: each variant's image on each engine it is placed on. */
  private RunPlan plan(
      String runId,
      RunFolder folder,
      List<BuiltVariant> built,
      Map<String, Map<String, String>> images,
      Map<String, RunPlan.Unit> units,
      HostReport host) {
    Map<String, RunPlan.Variant> variants = new LinkedHashMap<>();
    for (BuiltVariant v : built) {
      String name = v.manifest().variant();
      variants.put(
          name,
          new RunPlan.Variant(
              v.binDir(),
              null,
              Manifests.buildDigest(v.manifest()),
              images.getOrDefault(name, Map.of())));
    }
    return plan(
        runId,
        folder,
        "docker",
        variants,
        units,
        host,
        engines.specs().stream().map(RunPlan.Engine::of).toList());
  }

  private RunPlan plan(
      String runId,
      RunFolder folder,
      String runtime,
      List<VariantRef> refs,
      Map<String, RunPlan.Unit> units,
      HostReport host) {
    Map<String, RunPlan.Variant> variants = new LinkedHashMap<>();
    for (VariantRef r : refs) {
      variants.put(
          r.name(), new RunPlan.Variant(r.binDir(), r.image().orElse(null), r.manifestDigest()));
    }
    return plan(runId, folder, runtime, variants, units, host, List.of());
  }

  /** The one place the settings go into a plan, for one engine or several. */
  private RunPlan plan(
      String runId,
      RunFolder folder,
      String runtime,
      Map<String, RunPlan.Variant> variants,
      Map<String, RunPlan.Unit> units,
      HostReport host,
      List<RunPlan.Engine> engines) {
    return new RunPlan(
        runId,
        folder.dir(),
        runtime,
        s.cpuset(),
        s.memoryBytes(),
        s.timeoutMillis(),
        s.intervalMillis(),
        s.influx().map(JobSettings.Influx::url).orElse(null),
        s.influx().map(JobSettings.Influx::database).orElse(null),
        host.host().machine(),
        variants,
        units,
        s.cadvisor().map(Object::toString).orElse(null),
        engines);
  }

  private static String describe(CommandLineOptions jmh) {
    return "forks "
        + jmh.getForkCount().orElse(JmhLauncher.DEFAULT_FORKS)
        + ", warmup "
        + jmh.getWarmupIterations().orElse(JmhLauncher.DEFAULT_WARMUPS)
        + ", measured "
        + jmh.getMeasurementIterations().orElse(JmhLauncher.DEFAULT_ITERATIONS);
  }
}
