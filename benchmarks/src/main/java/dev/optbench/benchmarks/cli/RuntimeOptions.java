package dev.optbench.benchmarks.cli;

import dev.optbench.harness.runtime.LimitRules;
import dev.optbench.harness.runtime.RuntimeSelector;
import dev.optbench.harness.runtime.SandboxLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where and how units run: runtime choice and sandbox limits. */
public final class RuntimeOptions {
  @Option(
      names = "--runtime",
      paramLabel = "R",
      description =
          "docker, cgroup or process. Default: the best available (docker > cgroup > process); the choice is printed.")
  String runtime;

  @Option(
      names = "--cpuset",
      paramLabel = "CPUS",
      defaultValue = "0",
      description = "CPUs the units may use (cpuset syntax). Default: ${DEFAULT-VALUE}.")
  String cpuset;

  @Option(
      names = "--memory",
      paramLabel = "SIZE",
      defaultValue = "2g",
      converter = Sizes.ByteSize.class,
      description =
          "Memory limit per sandbox (e.g. 512m, 2g); a unit above it is OOM-killed and recorded so. Default: ${DEFAULT-VALUE}.")
  long memory;

  @Option(
      names = "--timeout",
      paramLabel = "TIME",
      defaultValue = "10m",
      converter = Sizes.Time.class,
      description = "Per-unit timeout (e.g. 30s, 10m). Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(
      names = "--no-favordynmods",
      negatable = false,
      description =
          "Leave the cgroup2 mount as it is. By default, as root, the run remounts it with"
              + " favordynmods (Linux 6.0+) while the units are timed and puts it back afterwards:"
              + " each unit's join of its cgroup then takes ~0.1 ms instead of ~10 ms of waiting"
              + " for the kernel (harness time, outside the unit's clock). Said on the console and"
              + " in host.json.")
  boolean noFavorDynmods;

  RuntimeSelector.Choice select() {
    return RuntimeSelector.fromServiceLoader().select(Optional.ofNullable(runtime));
  }

  SandboxLimits limits(Path workDir, Map<String, String> labels) {
    return new SandboxLimits(cpuset, memory, workDir.toAbsolutePath(), labels);
  }

  /** The limits, before any build: see {@link LimitRules}. */
  void checkLimits(Duration interval) {
    LimitRules.check(cpuset, memory, timeout, interval);
  }

  String cpuset() {
    return cpuset;
  }

  long memoryBytes() {
    return memory;
  }

  Duration timeout() {
    return timeout;
  }

  boolean favorDynmods() {
    return !noFavorDynmods;
  }
}
