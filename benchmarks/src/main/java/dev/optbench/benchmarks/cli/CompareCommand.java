package dev.optbench.benchmarks.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code optbench compare}: the CI gate. picocli only documents and parses the options; {@link
 * dev.optbench.results.gate.CompareCommand} decides, so the gate behaves the same from the jar and
 * from the results module.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two JMH JSON result files and fail on a significant regression.",
      "Exit codes: 0 gate passed, 1 significant regression, 2 usage or input error (or no"
          + " benchmark in common).",
      "Example: optbench compare --baseline old.json --candidate new.json --max-regression 5%%"
    },
    exitCodeOnInvalidInput = 2)
public final class CompareCommand implements Callable<Integer> {
  @Option(names = "--baseline", paramLabel = "OLD.json", required = true)
  Path baseline;

  @Option(names = "--candidate", paramLabel = "NEW.json", required = true)
  Path candidate;

  @Option(
      names = "--max-regression",
      paramLabel = "PCT",
      description = "Largest tolerated slowdown, e.g. 5%% or 0.05. Default: 5%%.")
  String maxRegression;

  @Option(
      names = "--alpha",
      paramLabel = "P",
      description = "Significance level of the test. Default: 0.05.")
  String alpha;

  @Option(
      names = "--resamples",
      paramLabel = "N",
      description = "Bootstrap resamples. Default: 10000.")
  String resamples;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Bootstrap seed; fixed by default, so reruns agree.")
  String seed;

  @Option(names = "--statistic", paramLabel = "S", description = "mean or median. Default: mean.")
  String statistic;

  @Option(
      names = "--min-samples",
      paramLabel = "N",
      description = "Fewest raw samples per side for a verdict. Default: 5.")
  String minSamples;

  @Option(
      names = "--format",
      paramLabel = "F",
      description = "text, markdown, csv or json. Default: text.")
  String format;

  @Override
  public Integer call() {
    return new dev.optbench.results.gate.CompareCommand(System.out, System.err)
        .run(arguments().toArray(String[]::new));
  }

  /** The options given, in the results module's spelling; absent ones keep its defaults. */
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    add(args, "--baseline", baseline.toString());
    add(args, "--candidate", candidate.toString());
    add(args, "--max-regression", maxRegression);
    add(args, "--alpha", alpha);
    add(args, "--resamples", resamples);
    add(args, "--seed", seed);
    add(args, "--statistic", statistic);
    add(args, "--min-samples", minSamples);
    add(args, "--format", format);
    return args;
  }

  private static void add(List<String> args, String name, String value) {
    if (value != null) {
      args.add(name);
      args.add(value);
    }
  }
}
