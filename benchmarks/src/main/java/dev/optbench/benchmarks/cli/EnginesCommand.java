package dev.optbench.benchmarks.cli;

import dev.optbench.harness.engine.EngineStatus;
import dev.optbench.harness.engine.Engines;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code optbench engines [clean]}: the Docker engines a run would use, and their cleanup. */
@Command(
    name = "engines",
    mixinStandardHelpOptions = true,
    subcommands = EnginesCommand.Clean.class,
    description = {
      "List each Docker engine: health, version, CPUs, memory, cgroup version, the optbench"
          + " containers on it, and how long the probe took.",
      "Exit 0 when every engine answers, 2 when one does not (its reason is printed) or a TLS file"
          + " is missing or unreadable (then nothing is contacted)."
    })
public final class EnginesCommand implements Callable<Integer> {
  @Mixin EngineOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<EngineStatus> statuses = options.engines().probe();
    int urlWidth = statuses.stream().mapToInt(s -> url(s).length()).max().orElse(3);
    String row = "%-12s %-" + urlWidth + "s %-6s %-16s %4s %9s %6s %10s ";
    out.println(
        String.format(
            Locale.ROOT,
            row + "%8s",
            "engine",
            "url",
            "health",
            "version",
            "cpus",
            "memory",
            "cgroup",
            "optbench",
            "probe"));
    for (EngineStatus s : statuses) {
      out.println(
          String.format(
              Locale.ROOT,
              row + "%5d ms",
              s.spec().name(),
              url(s),
              s.healthy() ? "ok" : "FAIL",
              s.healthy() ? s.version() : "-",
              s.healthy() ? Integer.toString(s.cpus()) : "-",
              s.healthy() ? String.format(Locale.ROOT, "%.1f GiB", s.memoryBytes() / GIB) : "-",
              s.healthy() ? "v" + s.cgroupVersion() : "-",
              s.healthy() ? s.containers().size() + " ctr" : "-",
              s.latency().toMillis()));
    }
    for (EngineStatus s : statuses) {
      if (!s.spec().labels().isEmpty()) {
        out.println("  " + s.spec().name() + " labels: " + new TreeMap<>(s.spec().labels()));
      }
      s.containers().forEach(c -> out.println("  " + s.spec().name() + ": " + c));
    }
    boolean allHealthy = statuses.stream().allMatch(EngineStatus::healthy);
    statuses.stream()
        .filter(s -> !s.healthy())
        .forEach(s -> spec.commandLine().getErr().println("optbench: " + s.problem()));
    return allHealthy ? 0 : 2;
  }

  private static final double GIB = 1L << 30;

  private static String url(EngineStatus s) {
    return s.spec().url() + (s.spec().tls().enabled() ? " TLS" : "");
  }

  /** {@code optbench engines clean}: optbench's leftovers on every engine. */
  @Command(
      name = "clean",
      mixinStandardHelpOptions = true,
      description = {
        "Remove the containers optbench runs left on every engine (label dev.optbench.managed) and"
            + " then the variant images no container uses.",
        "Containers of a run still going on this machine are kept unless --all."
      })
  public static final class Clean implements Callable<Integer> {
    @Mixin EngineOptions options;

    @Option(
        names = "--all",
        description = "Also remove the containers of runs that still live (they will fail).")
    boolean all;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      boolean ok = true;
      for (Engines.Cleaned c : options.engines().clean(all)) {
        if (!c.problem().isEmpty()) {
          ok = false;
          spec.commandLine().getErr().println("optbench: " + c.problem());
          continue;
        }
        out.println(
            c.spec().name()
                + ": removed "
                + c.containers().size()
                + " container(s) "
                + c.containers()
                + " and "
                + c.images().size()
                + " image(s) "
                + c.images());
      }
      return ok ? 0 : 2;
    }
  }
}
