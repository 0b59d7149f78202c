package dev.optbench.benchmarks.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Command-line mistakes as one sentence with what to do (exit 2), before any work: unknown options
 * and subcommands with picocli's "did you mean", bad values with the file they came from when that
 * was the defaults file. The main job's {@code @Unmatched} (JMH's options) is inherited by
 * picocli's subcommands, which then ignored typos ({@code build --varients O0} built all seven
 * variants): subcommands get strict parsing back here.
 */
public final class CliErrors {
  /** What the main job's JMH include regex must match: its one benchmark. */
  static final String BENCHMARK = "dev.optbench.benchmarks.jmh.FfmpegUnitBenchmark.run";

  private CliErrors() {}

  /** Strict subcommands and one-sentence parameter errors on {@code cl} and below. */
  public static void install(CommandLine cl) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.setUnmatchedArgumentsAllowed(false);
      install(sub);
    }
    cl.setParameterExceptionHandler(CliErrors::handle);
  }

  private static int handle(ParameterException e, String[] args) {
    e.getCommandLine().getErr().println("optbench: " + sentence(e, args));
    return 2;
  }

  static String sentence(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String help =
        cmd.getCommandSpec().qualifiedName()
            + " --help"
            + (cmd.getParent() == null ? "; JMH's options: --jmh-help" : "");
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String word = u.getUnmatched().get(0);
      String kind =
          u.isUnknownOption()
              ? "unknown option"
              : cmd.getSubcommands().isEmpty() ? "unexpected argument" : "unknown subcommand";
      return kind + " '" + word + "'" + didYouMean(u.getSuggestions()) + "; see " + help;
    }
    String message = e.getMessage();
    ArgSpec arg = e.getArgSpec();
    if (arg instanceof OptionSpec option
        && message.startsWith("Invalid value")
        && !typed(option, args)
        && java.nio.file.Files.isRegularFile(defaultsFile(cmd))) {
      message += " (from the defaults file " + defaultsFile(cmd) + "; fix or remove that line)";
    }
    return message + "; see " + help;
  }

  /**
   * The main job passes what picocli does not know to JMH, whose positional arguments are a
   * benchmark regex: a mistyped subcommand ({@code frobnicate}) would become that regex and fail
   * only after the builds. A regex that cannot select the main job's benchmark is a mistake.
   */
  public static void refuseStrayWords(CommandLine main, List<String> jmhArgs) {
    CommandLineOptions jmh;
    try {
      jmh = new CommandLineOptions(jmhArgs.toArray(String[]::new));
    } catch (CommandLineOptionException e) {
      String first = jmhArgs.stream().filter(a -> a.startsWith("--")).findFirst().orElse(null);
      if (first != null) {
        // JMH's options take one dash: a double-dash word JMH refuses was meant for optbench.
        throw new UnmatchedArgumentException(main, List.of(first.split("=", 2)[0]));
      }
      return; // JMH's own message follows from the main job
    }
    for (String include : jmh.getIncludes()) {
      if (!selectsBenchmark(include)) {
        throw new UnmatchedArgumentException(main, List.of(include));
      }
    }
  }

  static boolean selectsBenchmark(String regex) {
    try {
      return Pattern.compile(regex).matcher(BENCHMARK).find();
    } catch (java.util.regex.PatternSyntaxException e) {
      return false;
    }
  }

  private static String didYouMean(List<String> suggestions) {
    if (suggestions.isEmpty()) {
      return "";
    }
    List<String> top = suggestions.subList(0, Math.min(3, suggestions.size()));
    return "; did you mean " + String.join(" or ", top) + "?";
  }

  private static boolean typed(OptionSpec option, String[] args) {
    return Arrays.stream(args)
        .anyMatch(
            a -> Arrays.stream(option.names()).anyMatch(n -> a.equals(n) || a.startsWith(n + "=")));
  }

  /** Where picocli's PropertiesDefaultProvider reads: as it documents it. */
  static Path defaultsFile(CommandLine cmd) {
    String name = cmd.getCommandSpec().root().name();
    String override = System.getProperty("picocli.defaults." + name + ".path");
    return override != null
        ? Path.of(override)
        : Path.of(System.getProperty("user.home"), "." + name + ".properties");
  }
}
