package dev.optbench.benchmarks.cli;

import dev.optbench.benchmarks.doctor.CacheCheck;
import dev.optbench.benchmarks.doctor.Check;
import dev.optbench.benchmarks.doctor.CompilerCheck;
import dev.optbench.benchmarks.doctor.Doctor;
import dev.optbench.benchmarks.doctor.HostCheck;
import dev.optbench.benchmarks.doctor.InfluxCheck;
import dev.optbench.benchmarks.doctor.PerfCheck;
import dev.optbench.benchmarks.doctor.RuntimeCheck;
import dev.optbench.benchmarks.doctor.SourceCheck;
import dev.optbench.benchmarks.doctor.ToolsCheck;
import dev.optbench.build.source.DebianSource;
import dev.optbench.harness.host.HostReport;
import dev.optbench.harness.runtime.RuntimeSelector;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code optbench doctor}: checks the host and says what to fix, one line per finding. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Check this host for optbench: runtimes (Docker, cgroups), InfluxDB, compilers, build tools,"
          + " ffmpeg source, build cache, host noise, perf counters.",
      "Each line reads 'ok|warn|FAIL  what  — how to fix'. Exit 0 when the host can run optbench"
          + " (warnings allowed), 1 when a FAIL is found."
    })
public final class DoctorCommand implements Callable<Integer> {
  @Option(
      names = "--influx",
      paramLabel = "URL",
      description =
          "InfluxDB 1.x URL to check. Default: $OPTBENCH_INFLUX_URL, else none (series go to a file).")
  String influx;

  @Mixin CacheOption cache;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return new Doctor(checks()).run(spec.commandLine().getOut());
  }

  // Cheap, decisive checks first; the slow probes (compiler link, apt, perf) after.
  private List<Check> checks() {
    return List.of(
        new RuntimeCheck(RuntimeSelector.fromServiceLoader()),
        InfluxCheck.of(influx, System.getenv()),
        new CacheCheck(cache.dir()),
        new ToolsCheck(),
        new CompilerCheck("gcc", true),
        new CompilerCheck("clang", false),
        new SourceCheck(new DebianSource(), cache.dir()),
        new HostCheck(HostReport.collect()),
        new PerfCheck());
  }
}
