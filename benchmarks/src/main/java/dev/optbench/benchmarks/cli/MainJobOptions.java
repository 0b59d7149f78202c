package dev.optbench.benchmarks.cli;

import dev.optbench.benchmarks.job.JobSettings;
import dev.optbench.harness.engine.EngineSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.profile.ProfilerFactory;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The main job's options; what picocli does not match (the caller collects it) is JMH's. */
public final class MainJobOptions {
  @Mixin VariantOptions variants;
  @Mixin SourceOptions source;
  @Mixin RuntimeOptions runtime;
  @Mixin SinkOptions sink;
  @Mixin public InstructionOptions instructions;
  @Mixin EngineOptions engines;

  @Option(
      names = "--placement",
      paramLabel = "whole|every",
      defaultValue = "whole",
      description =
          "With several --engine: whole runs each candidate variant wholly on one engine (round"
              + " robin in variant order) and the baseline on every engine used; every runs each"
              + " variant on each engine. Ratios are only formed within an engine. Default:"
              + " ${DEFAULT-VALUE}.")
  String placement;

  @Option(
      names = "--workload",
      paramLabel = "FILE",
      description =
          "Workload file: one `ffmpeg ...` command per line (.txt, optional `id:` prefix, # comments)"
              + " or JSON from `optbench generate`; see harness/WORKLOADS.md. Default: generate one"
              + " with novelty search on the baseline build (cached: seed, budget and binary"
              + " decide it).")
  Path workload;

  @Option(
      names = "--units",
      paramLabel = "N",
      defaultValue = "6",
      description =
          "Units (commands) of the workload to run, spread over its templates. Default: ${DEFAULT-VALUE}.")
  int units;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of the generated workload. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--budget",
      paramLabel = "N",
      defaultValue = "30",
      description = "Commands the search may try when generating. Default: ${DEFAULT-VALUE}.")
  int budget;

  @Option(
      names = "--baseline",
      paramLabel = "V",
      description = "Variant the others are compared with. Default: O2 if built, else the first.")
  String baseline;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      defaultValue = "optbench-results",
      description =
          "Where the run folder <run-id>/ goes. Default: ${DEFAULT-VALUE} in the current"
              + " directory (git-ignored in optbench's checkout; the subcommands write to"
              + " optbench-out/).")
  Path results;

  @Mixin CacheOption cache;

  @Option(names = "--jobs", paramLabel = "N", description = "make -j N. Default: all cores.")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--order",
      paramLabel = "interleaved|jmh",
      defaultValue = "interleaved",
      description =
          "interleaved: rounds in which every (variant, unit) pair runs once, shuffled per round,"
              + " each variant's sandbox open for the whole run, ratios from same-round pairs"
              + " (-i = rounds: a fixed number; without it 6, then more as --precision says; -wi ="
              + " warm-up rounds). jmh: JMH's own trial order,"
              + " one forked trial per pair. Default: ${DEFAULT-VALUE}.")
  String order;

  @Option(
      names = "--order-seed",
      paramLabel = "N",
      description = "Seed of the rounds' order (recorded in rounds.json). Default: a new one.")
  Long orderSeed;

  @Option(
      names = "--precision",
      paramLabel = "PCT",
      description =
          "Interleaved runs: after the -i rounds, add rounds until every unit's 95%% interval of"
              + " its ratio to the baseline, on the metric the verdict uses, is within +-PCT %%"
              + " (e.g. 2 or 2%%), at most --max-rounds; rounds are added too while starved"
              + " invocations leave a ratio short of the rounds a verdict needs. Default without -i:"
              + " 6 rounds, then more (up to 20) until every variant's overall ratio (geometric"
              + " mean over units) is within +-2 %% on wall time (+-1 %% when decided on CPU"
              + " time); with -i and no --precision: exactly -i"
              + " rounds.")
  String precision;

  @Option(
      names = "--max-rounds",
      paramLabel = "N",
      description =
          "The most rounds a --precision target may reach. Default: 20 without -i, 4 x the -i"
              + " rounds with it.")
  int maxRounds;

  @Option(
      names = "--min-unit-ms",
      paramLabel = "MS",
      description =
          "Generated units shorter than this on the baseline (or than 100 x ffmpeg's launch"
              + " jitter, measured first) run with more media (their -t times a power of two,"
              + " under the id <unit>.xN; lengths.json says why); users' own commands are never"
              + " rewritten. 0: units as written. Default: 200.")
  double minUnitMs = JobSettings.Order.MIN_UNIT_MILLIS;

  @Option(
      names = "--reserve-cores",
      description =
          "While the units are timed, move the host's other processes off the --cpuset CPUs (into"
              + " a cpuset of the other CPUs; cgroup v1 or v2, root, cgroup or docker runtime) and"
              + " put them back afterwards, also after Ctrl-C or, at the next run, a kill. Said on"
              + " the console and in host.json. Processes that pinned themselves lose their pin.")
  boolean reserveCores;

  @Option(
      names = "--check-outputs",
      description =
          "After the trials, run every unit once more per variant and compare the files it writes"
              + " and its standard output with the baseline's: outputs.json and a console line.")
  boolean checkOutputs;

  @Option(names = "--jmh-help", description = "Print JMH's own options and exit.")
  boolean jmhHelp;

  /** JMH's help and listings (-h via --jmh-help, -l, -lp, -lprof, -lrf) need no pipeline. */
  public boolean handledJmhQuery(List<String> jmhArgs, PrintStream out) throws Exception {
    CommandLineOptions jmh;
    try {
      jmh = new CommandLineOptions(jmhArgs.toArray(String[]::new));
    } catch (CommandLineOptionException e) {
      return false; // the main job reports it with the usual message
    }
    if (jmhHelp || jmh.shouldHelp()) {
      jmh.showHelp();
      return true;
    }
    if (jmh.shouldListProfilers()) {
      ProfilerFactory.listProfilers(out);
      return true;
    }
    if (jmh.shouldListResultFormats()) {
      jmh.listResultFormats();
      return true;
    }
    if (jmh.shouldList() || jmh.shouldListWithParams()) {
      new Runner(jmh).list();
      return true;
    }
    return false;
  }

  private boolean interleaved() {
    return switch (order) {
      case "interleaved" -> true;
      case "jmh" -> false;
      default ->
          throw new IllegalArgumentException(
              "--order must be interleaved or jmh, not '" + order + "'");
    };
  }

  /** "2", "2%" or "0.5 %" as per cent; 0 without --precision. */
  private double precisionPercent() {
    if (precision == null) {
      return 0;
    }
    String number = precision.strip();
    if (number.endsWith("%")) {
      number = number.substring(0, number.length() - 1).strip();
    }
    double value;
    try {
      value = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (!(value > 0 && value < 100)) {
      throw new IllegalArgumentException(
          "--precision takes a percentage above 0 and below 100, such as 2 or 2%, not '"
              + precision
              + "'");
    }
    return value;
  }

  private double minUnitMs() {
    if (!(minUnitMs >= 0 && minUnitMs <= 60_000)) {
      throw new IllegalArgumentException(
          "--min-unit-ms takes milliseconds from 0 (units as written) to 60000, not "
              + (minUnitMs == Math.rint(minUnitMs) ? Long.toString((long) minUnitMs) : minUnitMs));
    }
    return minUnitMs;
  }

  public JobSettings settings(List<String> jmhArgs) {
    List<EngineSpec> named = engines.given(); // TLS files read: a typo is exit 2, nothing contacted
    if (!named.isEmpty() && runtime.runtime != null && !runtime.runtime.equals("docker")) {
      throw new IllegalArgumentException(
          "--engine names Docker engines, but --runtime "
              + runtime.runtime
              + " was asked for: drop"
              + " one of the two");
    }
    return new JobSettings(
        List.copyOf(jmhArgs),
        variants.specs(),
        source.provider(),
        Optional.ofNullable(workload),
        units,
        seed,
        budget,
        Optional.ofNullable(baseline),
        sink.influx(),
        runtime::select,
        runtime.cpuset,
        runtime.memory,
        runtime.timeout().toMillis(),
        sink.interval().toMillis(),
        results,
        cache.dir(),
        jobs,
        sink.cadvisor(),
        new JobSettings.Order(
            interleaved(),
            orderSeed == null ? System.nanoTime() : orderSeed,
            precisionPercent(),
            maxRounds,
            minUnitMs()),
        checkOutputs,
        reserveCores,
        runtime.favorDynmods(),
        variants.fateLimit(),
        named,
        placement);
  }
}
