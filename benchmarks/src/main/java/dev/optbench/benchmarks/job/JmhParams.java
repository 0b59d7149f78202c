package dev.optbench.benchmarks.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * JMH's {@code -p variant=...} and {@code -p unit=...} narrow what the main job runs. They are
 * checked against what it can run before any build starts: a name JMH would only meet in a trial
 * (and fail there, after the builds) is an error now.
 */
final class JmhParams {
  private JmhParams() {}

  static <T> List<T> select(
      CommandLineOptions jmh,
      String param,
      List<T> available,
      Function<T, String> name,
      String where) {
    if (!jmh.getParameter(param).hasValue()) {
      return available;
    }
    Collection<String> wanted = jmh.getParameter(param).get();
    List<T> chosen = new ArrayList<>();
    for (String w : wanted) {
      T match = available.stream().filter(a -> name.apply(a).equals(w)).findFirst().orElse(null);
      if (match == null) {
        throw new IllegalArgumentException(
            "-p "
                + param
                + "="
                + w
                + ": no such "
                + param
                + " in "
                + where
                + "; known: "
                + available.stream().map(name).toList());
      }
      chosen.add(match);
    }
    return chosen;
  }
}
