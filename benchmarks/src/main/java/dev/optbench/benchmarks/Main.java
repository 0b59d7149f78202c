package dev.optbench.benchmarks;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of benchmarks.jar. */
@Command(
    name = "optbench",
    mixinStandardHelpOptions = true,
    version = "optbench 0.1.0",
    description = "What compiler flags do to time, CPU and memory of native software.")
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
