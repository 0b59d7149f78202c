package dev.optbench.benchmarks.stack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * InfluxDB as a plain {@code influxd} process when the engine has no InfluxDB image, as {@code
 * .ci/services.sh} starts one: its own folder (config, meta/data/wal, log, pid file, port), HTTP
 * and RPC bound to 127.0.0.1. It outlives the command that started it ({@code setsid}, no terminal)
 * and is found again by its pid file; a pid counts as this influxd only while that process runs
 * {@code influxd} with this folder's config, so a pid reused by another process is never signalled.
 */
public final class LocalInfluxd {
  private final Path dir;

  /**
   * @param dir this influxd's folder, e.g. {@code <cache>/stack/influxd}
   */
  public LocalInfluxd(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  Path config() {
    return dir.resolve("influxdb.conf");
  }

  Path pidFile() {
    return dir.resolve("influxd.pid");
  }

  public Path log() {
    return dir.resolve("influxd.log");
  }

  private Path portFile() {
    return dir.resolve("port");
  }

  /** The binary to run: a path as given, or a name looked up on {@code PATH} as a shell would. */
  public static Optional<Path> find(String binary, Map<String, String> env) {
    if (binary.contains("/")) {
      Path p = Path.of(binary);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    for (String folder : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (folder.isEmpty()) {
        continue;
      }
      Path p = Path.of(folder, binary);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The running influxd this folder started: its pid, when the pid file names it. */
  public Optional<Long> pid() {
    try {
      long pid = Long.parseLong(Files.readString(pidFile()).trim());
      return isOurs(pid) ? Optional.of(pid) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Where it answers, from the port it was started on; empty before the first start. */
  public Optional<String> url() {
    try {
      return Optional.of(Ports.url(Integer.parseInt(Files.readString(portFile()).trim())));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code pid} runs influxd with this folder's config: {@code /proc/<pid>/cmdline} is the
   * process's own argv, so neither a recycled pid nor another influxd (the CI's shared one) passes.
   */
  boolean isOurs(long pid) {
    try {
      String[] argv =
          new String(
                  Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                  StandardCharsets.UTF_8)
              .split("\0");
      return argv.length > 0
          && Path.of(argv[0]).getFileName().toString().equals("influxd")
          && List.of(argv).contains(config().toString());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Starts influxd on {@code port} and waits until {@code /ping} answers.
   *
   * @return the pid
   * @throws IOException when it does not come up within {@code deadline} (it is stopped again and
   *     the message quotes the end of its log)
   */
  public long start(Path binary, int port, Duration deadline) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(config(), config(port, Ports.ephemeral()));
    Files.writeString(portFile(), Integer.toString(port) + "\n");
    Files.deleteIfExists(pidFile());
    List<String> argv = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      // Its own session: a terminal closing after `stack up` does not take influxd with it.
      argv.add("/usr/bin/setsid");
    }
    argv.addAll(
        List.of(
            binary.toString(),
            "run",
            "-config",
            config().toString(),
            "-pidfile",
            pidFile().toString()));
    Process process =
        new ProcessBuilder(argv)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    Health health = Health.await(Ports.url(port), Component.INFLUXDB, deadline, process::isAlive);
    if (!health.ok() || pid().isEmpty()) {
      process.destroy();
      throw new IOException(
          "influxd did not answer /ping within "
              + deadline.toSeconds()
              + " s ("
              + health.text()
              + "); the end of "
              + log()
              + ":\n"
              + tail(log(), 10));
    }
    return pid().orElseThrow();
  }

  /** SIGTERM (influxd flushes its WAL), SIGKILL after 30 s; false when it was not running. */
  public boolean stop() throws IOException {
    Optional<Long> pid = pid();
    if (pid.isEmpty()) {
      Files.deleteIfExists(pidFile());
      return false;
    }
    ProcessHandle.of(pid.get()).ifPresent(ProcessHandle::destroy);
    if (!awaitGone(pid.get(), Duration.ofSeconds(30))) {
      ProcessHandle.of(pid.get()).ifPresent(ProcessHandle::destroyForcibly);
      awaitGone(pid.get(), Duration.ofSeconds(5));
    }
    Files.deleteIfExists(pidFile());
    return true;
  }

  /**
   * Polls the command line rather than {@link ProcessHandle#onExit()}: influxd is not our child
   * (the {@code up} that started it has ended), and a process that has ended but is not reaped yet
   * still counts as alive to the JDK; its command line is empty at once.
   */
  private boolean awaitGone(long pid, Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    while (isOurs(pid)) {
      if (System.nanoTime() > end) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !isOurs(pid);
      }
    }
    return true;
  }

  /** As .ci/services.sh writes it: loopback only, data in this folder, no phoning home. */
  String config(int httpPort, int rpcPort) {
    return "reporting-disabled = true\n"
        + "bind-address = \"127.0.0.1:"
        + rpcPort
        + "\"\n"
        + "[meta]\n"
        + "  dir = \""
        + dir.resolve("meta")
        + "\"\n"
        + "[data]\n"
        + "  dir = \""
        + dir.resolve("data")
        + "\"\n"
        + "  wal-dir = \""
        + dir.resolve("wal")
        + "\"\n"
        + "  query-log-enabled = false\n"
        + "[http]\n"
        + "  bind-address = \"127.0.0.1:"
        + httpPort
        + "\"\n"
        + "  log-enabled = false\n"
        + "[monitor]\n"
        + "  store-enabled = false\n";
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
