package dev.optbench.benchmarks.cli;

import dev.optbench.benchmarks.stack.ComponentStatus;
import dev.optbench.benchmarks.stack.Stack;
import dev.optbench.benchmarks.stack.StackImages;
import dev.optbench.benchmarks.stack.StatusTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code optbench stack up|down|status}: InfluxDB, Grafana and cAdvisor for this machine. */
@Command(
    name = "stack",
    mixinStandardHelpOptions = true,
    subcommands = {StackCommand.Up.class, StackCommand.Down.class, StackCommand.Status.class},
    description = {
      "Start, list or stop the monitoring stack on this machine: InfluxDB, and Grafana (optbench's"
          + " dashboards) and cAdvisor where their images are on the Docker engine at $DOCKER_HOST;"
          + " InfluxDB as a local influxd when its image is not. Everything listens on 127.0.0.1."
    })
public final class StackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  /** One sentence on stderr, exit 1: the engine failed; nothing the command started is left. */
  static int failed(CommandSpec spec, Stack.Failure e) {
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().println("optbench: " + e.getMessage());
    return 1;
  }

  /** What every subcommand needs: where the stack's files are, which images, which influxd. */
  public static final class StackOptions {
    @Mixin CacheOption cache;

    @Option(
        names = "--influx-image",
        paramLabel = "IMAGE",
        defaultValue = StackImages.INFLUXDB,
        description = "InfluxDB 1.x image (never pulled). Default: ${DEFAULT-VALUE}.")
    String influxImage;

    @Option(
        names = "--grafana-image",
        paramLabel = "IMAGE",
        defaultValue = StackImages.GRAFANA,
        description = "Grafana image (never pulled). Default: ${DEFAULT-VALUE}.")
    String grafanaImage;

    @Option(
        names = "--cadvisor-image",
        paramLabel = "IMAGE",
        defaultValue = StackImages.CADVISOR,
        description = "cAdvisor image (never pulled). Default: ${DEFAULT-VALUE}.")
    String cadvisorImage;

    @Option(
        names = "--influxd",
        paramLabel = "PROGRAM",
        defaultValue = "influxd",
        description =
            "influxd to run when the engine has no InfluxDB image: a path, or a name looked up on"
                + " PATH. Default: ${DEFAULT-VALUE}.")
    String influxd;

    Stack stack(PrintWriter out) {
      return new Stack(
          cache.dir().resolve("stack"),
          new StackImages(influxImage, grafanaImage, cadvisorImage),
          influxd,
          System.getenv(),
          out);
    }
  }

  @Command(
      name = "up",
      mixinStandardHelpOptions = true,
      description = {
        "Start what does not run yet and print the --influx=URL to give the main job.",
        "Exit 0 when InfluxDB runs; 2, with nothing started, when there is neither an InfluxDB"
            + " image nor influxd; 1 when it did not come up or the Docker engine failed or did not"
            + " answer (what this up started is stopped again)."
      })
  public static final class Up implements Callable<Integer> {
    @Mixin StackOptions options;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      try {
        return options.stack(spec.commandLine().getOut()).up();
      } catch (Stack.Failure e) {
        return failed(spec, e);
      }
    }
  }

  @Command(
      name = "down",
      mixinStandardHelpOptions = true,
      description = {
        "Stop and remove the stack's containers (label dev.optbench.stack) and its local influxd;"
            + " data stays in the cache. Nothing running is not an error.",
        "Exit 1 when the Docker engine failed or did not answer (the local influxd is stopped all"
            + " the same)."
      })
  public static final class Down implements Callable<Integer> {
    @Mixin StackOptions options;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      try {
        return options.stack(spec.commandLine().getOut()).down();
      } catch (Stack.Failure e) {
        return failed(spec, e);
      }
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = {
        "Each component: running or not, how it was started, its URL and health (InfluxDB /ping,"
            + " Grafana /api/health, cAdvisor /healthz).",
        "Exit 0 unless a running component is unhealthy (1)."
      })
  public static final class Status implements Callable<Integer> {
    @Mixin StackOptions options;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<ComponentStatus> statuses = options.stack(out).status();
      StatusTable.render(statuses).forEach(out::println);
      boolean sick = statuses.stream().anyMatch(s -> s.running() && !s.health().ok());
      return sick ? 1 : 0;
    }
  }
}
