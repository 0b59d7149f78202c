package dev.optbench.benchmarks;

import dev.optbench.benchmarks.cli.BuildCommand;
import dev.optbench.benchmarks.cli.CliErrors;
import dev.optbench.benchmarks.cli.CompareCommand;
import dev.optbench.benchmarks.cli.GenerateCommand;
import dev.optbench.benchmarks.cli.GrafanaCommand;
import dev.optbench.benchmarks.cli.MainJobOptions;
import dev.optbench.benchmarks.cli.ReportCommand;
import dev.optbench.benchmarks.cli.RunCommand;
import dev.optbench.benchmarks.job.MainJob;
import dev.optbench.benchmarks.job.OutputFolders;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/**
 * Entry point of benchmarks.jar. With no subcommand it runs the main job (build, generate, run with
 * JMH, report); options it does not know are JMH's own and go to JMH.
 */
@Command(
    name = "optbench",
    mixinStandardHelpOptions = true,
    version = "optbench 0.1.0",
    defaultValueProvider = CommandLine.PropertiesDefaultProvider.class,
    description = {
      "What compiler flags do to time, CPU and memory of native software.",
      "",
      "With no subcommand: build (or reuse) the variants, generate (or reuse) a workload, run every"
          + " (variant, unit) pair with JMH in the variant's sandbox, write optbench-results/<run-id>/"
          + " (JMH JSON, samples, manifests, host facts, report.html) and print the verdict.",
      "Options not listed here are JMH's (-f -wi -i -p -rf -rff -prof, include regex; see"
          + " --jmh-help). Defaults for any option can live in ~/.optbench.properties (e.g."
          + " variants=O0,O2).",
      ""
    },
    subcommands = {
      BuildCommand.class,
      RunCommand.class,
      GenerateCommand.class,
      CompareCommand.class,
      GrafanaCommand.class,
      dev.optbench.benchmarks.cli.DoctorCommand.class,
      dev.optbench.benchmarks.cli.EnginesCommand.class,
      dev.optbench.benchmarks.cli.StackCommand.class,
      ReportCommand.class
    })
public final class Main implements Callable<Integer> {
  @Mixin MainJobOptions job;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** JMH's own options and include regex: everything picocli does not know. */
  @Unmatched List<String> jmhArgs = new ArrayList<>();

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; errors from our code print as one clear message. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    CliErrors.install(cl);
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("optbench: " + message(e));
          return 2;
        });
    return cl;
  }

  private static String message(Throwable e) {
    // A file-system exception's message is only the path ("optbench: /proc/x"): add what failed.
    if (e instanceof FileSystemException f) {
      return f.getFile() + ": " + OutputFolders.reason(f);
    }
    String m = e.getMessage();
    if (e.getCause() instanceof FileSystemException f && m != null && !m.contains(reason(f))) {
      return m + " (" + f.getFile() + ": " + reason(f) + ")";
    }
    return m == null || m.isBlank() ? e.toString() : m;
  }

  private static String reason(FileSystemException f) {
    return OutputFolders.reason(f);
  }

  @Override
  public Integer call() throws Exception {
    if (job.handledJmhQuery(jmhArgs, System.out)) {
      return 0;
    }
    CliErrors.refuseStrayWords(spec.commandLine(), jmhArgs);
    return new MainJob(job.settings(jmhArgs), System.out)
        .instructions(job.instructions.pass(java.time.Duration.ofHours(2), System.out))
        .run();
  }
}
