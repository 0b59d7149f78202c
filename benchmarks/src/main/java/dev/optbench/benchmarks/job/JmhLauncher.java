package dev.optbench.benchmarks.job;

import dev.optbench.benchmarks.jmh.FfmpegUnitBenchmark;
import dev.optbench.benchmarks.jmh.KernelCountersProfiler;
import dev.optbench.benchmarks.jmh.RunPlan;
import dev.optbench.harness.cache.CacheDir;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the plan's (variant, unit) pairs with jmh-core. The user's JMH options win; where they say
 * nothing, the defaults suit seconds-long native units: 1 fork, 1 warmup and 5 measured invocations
 * (SingleShotTime), JSON results, the kernel-counter profiler on.
 */
final class JmhLauncher {
  static final int DEFAULT_FORKS = 1;
  static final int DEFAULT_WARMUPS = 1;
  static final int DEFAULT_ITERATIONS = 5;

  private JmhLauncher() {}

  /** Parses JMH's own options, with JMH's message when one is wrong. */
  static CommandLineOptions parse(List<String> args) {
    try {
      return new CommandLineOptions(args.toArray(String[]::new));
    } catch (CommandLineOptionException e) {
      throw new IllegalArgumentException(
          "unknown or bad option: "
              + e.getMessage()
              + ". optbench's options: java -jar benchmarks.jar --help; JMH's: --jmh-help",
          e);
    }
  }

  static Options options(
      CommandLineOptions user,
      RunPlan plan,
      Path planFile,
      List<String> variants,
      List<String> units,
      long unitTimeoutMillis) {
    return options(user, plan, planFile, variants, units, unitTimeoutMillis, "");
  }

  /**
   * The options of one JMH run on the named engine {@code engine} ("" for the run's one engine):
   * its trials and forks find the engine in {@link RunPlan#ENGINE_PROPERTY}.
   */
  static Options options(
      CommandLineOptions user,
      RunPlan plan,
      Path planFile,
      List<String> variants,
      List<String> units,
      long unitTimeoutMillis,
      String engine) {
    ChainedOptionsBuilder b = new OptionsBuilder().parent(user);
    if (user.getIncludes().isEmpty()) {
      b.include("^" + FfmpegUnitBenchmark.class.getName().replace(".", "\\.") + "\\.");
    }
    if (!user.getForkCount().hasValue()) {
      b.forks(DEFAULT_FORKS);
    }
    if (!user.getWarmupIterations().hasValue()) {
      b.warmupIterations(DEFAULT_WARMUPS);
    }
    if (!user.getMeasurementIterations().hasValue()) {
      b.measurementIterations(DEFAULT_ITERATIONS);
    }
    if (!user.getTimeout().hasValue()) {
      // JMH's per-iteration timeout must not cut a unit its own timeout would let finish.
      b.timeout(TimeValue.seconds(TimeUnit.MILLISECONDS.toSeconds(unitTimeoutMillis) + 60));
    }
    // No result file of JMH's own unless asked for: the main job writes jmh.json itself, from the
    // same results with JMH's formatter, because JMH's writer hides write errors (a full disk left
    // an empty file that passed for a result).
    // Always the plan's: a user's -p variant= / -p unit= was checked against it and narrowed it.
    b.param("variant", variants.toArray(String[]::new));
    b.param("unit", units.toArray(String[]::new));
    b.addProfiler(KernelCountersProfiler.class);
    List<String> jvmArgs = new ArrayList<>(user.getJvmArgsAppend().orElse(List.of()));
    jvmArgs.add("-D" + RunPlan.PROPERTY + "=" + planFile);
    if (!engine.isEmpty()) {
      jvmArgs.add("-D" + RunPlan.ENGINE_PROPERTY + "=" + engine);
    }
    // forks find the exec helper and builds by the same cache rule as this JVM
    jvmArgs.add("-D" + CacheDir.PROPERTY + "=" + CacheDir.resolve());
    // Forks print through this JVM's trial lines: only what needs the user's attention.
    jvmArgs.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    b.jvmArgsAppend(jvmArgs.toArray(String[]::new));
    // No fork: the trials run in this JVM, which must see the plan too.
    System.setProperty(RunPlan.PROPERTY, planFile.toString());
    if (engine.isEmpty()) {
      System.clearProperty(RunPlan.ENGINE_PROPERTY);
    } else {
      System.setProperty(RunPlan.ENGINE_PROPERTY, engine);
    }
    return b.build();
  }

  static Collection<RunResult> run(Options options, ProgressOutput out) throws RunnerException {
    return new Runner(options, out).run();
  }
}
