package dev.optbench.benchmarks;

import dev.optbench.benchmarks.cli.BuildCommand;
import dev.optbench.benchmarks.cli.CompareCommand;
import dev.optbench.benchmarks.cli.GenerateCommand;
import dev.optbench.benchmarks.cli.GrafanaCommand;
import dev.optbench.benchmarks.cli.ReportCommand;
import dev.optbench.benchmarks.cli.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of benchmarks.jar. */
@Command(
    name = "optbench",
    mixinStandardHelpOptions = true,
    version = "optbench 0.1.0",
    description = "What compiler flags do to time, CPU and memory of native software.",
    subcommands = {
      BuildCommand.class,
      RunCommand.class,
      GenerateCommand.class,
      CompareCommand.class,
      GrafanaCommand.class,
      dev.optbench.benchmarks.cli.DoctorCommand.class,
      ReportCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; errors from our code print as one clear message. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("optbench: " + e.getMessage());
          return 2;
        });
    return cl;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
