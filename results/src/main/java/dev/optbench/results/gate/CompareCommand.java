package dev.optbench.results.gate;

import dev.optbench.results.compare.CompareOptions;
import dev.optbench.results.compare.Comparison;
import dev.optbench.results.compare.Verdict;
import dev.optbench.results.format.ResultFormatFactory;
import dev.optbench.results.format.ResultFormatType;
import dev.optbench.results.jmh.JmhJsonReader;
import dev.optbench.results.model.BenchmarkResult;
import dev.optbench.results.stats.Statistic;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code compare --baseline OLD.json --candidate NEW.json [--max-regression 5%] [--alpha 0.05]
 * [--resamples N] [--seed N] [--statistic mean|median] [--min-samples N] [--format
 * text|markdown|csv|json] [--metric LABEL]}. {@code --metric} gates on one metric only (e.g. {@code
 * instructions}, decided from exact counts when they repeat). Exit codes: 0 gate passed, 1
 * significant regression, 2 usage or input error, or no benchmark in common. Plain arguments so the
 * CLI module can wrap it without this module knowing picocli.
 */
public final class CompareCommand {
  public static final int PASSED = 0;
  public static final int REGRESSED = 1;
  public static final int ERROR = 2;

  private final PrintStream out;
  private final PrintStream err;

  public CompareCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new CompareCommand(System.out, System.err).run(args));
  }

  public int run(String... args) {
    Path baseline = null;
    Path candidate = null;
    CompareOptions options = CompareOptions.defaults();
    ResultFormatType format = ResultFormatType.TEXT;
    String metric = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args[++i];
        switch (name) {
          case "--baseline" -> baseline = Path.of(value);
          case "--candidate" -> candidate = Path.of(value);
          case "--max-regression" ->
              options =
                  options.withMaxRegression(
                      number(name, value, "5% or 0.05", CompareCommand::fraction));
          case "--alpha" ->
              options = options.withAlpha(number(name, value, "0.05", Double::parseDouble));
          case "--resamples" ->
              options = options.withResamples(number(name, value, "10000", Integer::parseInt));
          case "--seed" -> options = options.withSeed(number(name, value, "42", Long::parseLong));
          case "--statistic" ->
              options = options.withStatistic(choice(name, value, Statistic.class));
          case "--min-samples" ->
              options = options.withMinSamples(number(name, value, "5", Integer::parseInt));
          case "--format" -> format = choice(name, value, ResultFormatType.class);
          case "--metric" -> metric = value;
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      if (baseline == null || candidate == null) {
        throw new IllegalArgumentException("--baseline and --candidate are required");
      }
    } catch (IllegalArgumentException e) {
      err.println("compare: " + e.getMessage());
      err.println("usage: compare --baseline OLD.json --candidate NEW.json [--max-regression 5%]");
      return ERROR;
    }
    try {
      JmhJsonReader reader = new JmhJsonReader();
      List<BenchmarkResult> old = reader.read(baseline);
      List<BenchmarkResult> now = reader.read(candidate);
      Comparison c =
          Comparison.of(
              baseline.getFileName().toString(),
              old,
              candidate.getFileName().toString(),
              now,
              options);
      if (metric != null) {
        c = c.only(metric);
      }
      if (c.rows().isEmpty()) {
        // A gate that compared nothing must not pass, nor print a verdict (renamed benchmarks,
        // an empty or wrong file).
        err.println(
            "compare: no benchmark with raw data appears in both files ("
                + baseline
                + ": "
                + old.size()
                + " benchmark(s), "
                + candidate
                + ": "
                + now.size()
                + "); compare results of the same benchmarks");
        return ERROR;
      }
      out.print(ResultFormatFactory.create(format).render(c));
      out.flush();
      if (c.count(Verdict.TOO_FEW_SAMPLES) == c.rows().size()) {
        // Nothing was judged: passing would claim "no regression" on no evidence.
        err.println(
            "compare: too few samples for any verdict; measure at least "
                + options.requiredSamples()
                + " values per side");
        return ERROR;
      }
      return c.gatePasses() ? PASSED : REGRESSED;
    } catch (IOException | RuntimeException e) {
      err.println("compare: " + e.getMessage());
      return ERROR;
    }
  }

  /** A number option's value, or a message naming the option and an example. */
  private static <T> T number(
      String option, String value, String example, java.util.function.Function<String, T> parse) {
    try {
      return parse.apply(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option + " '" + value + "' is not a number; give e.g. " + option + " " + example, e);
    }
  }

  /** An enum option's value, or a message listing the choices. */
  private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          option
              + " '"
              + value
              + "' is not one of "
              + java.util.Arrays.stream(type.getEnumConstants())
                  .map(c -> c.name().toLowerCase(Locale.ROOT))
                  .toList(),
          e);
    }
  }

  /** "5%", "5 %" or "0.05" all mean five percent. */
  static double fraction(String text) {
    String t = text.trim();
    if (t.endsWith("%")) {
      return Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100;
    }
    return Double.parseDouble(t);
  }
}
