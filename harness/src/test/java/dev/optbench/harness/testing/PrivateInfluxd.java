package dev.optbench.harness.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An influxd of this test's own, to stop and restart at will. The shared one from services.sh is
 * left alone: other test runs (other modules, other engineers' worktrees) write to it at the same
 * time and would fail spuriously if it vanished. The config is the shared one's
 * ($OPTBENCH_INFLUX_CONFIG) with private data folders and free loopback ports, and the process is
 * stopped the way an operator would: SIGTERM to the pid in its pidfile, then restarted with the
 * same config and pidfile.
 */
public final class PrivateInfluxd implements AutoCloseable {
  private final Path dir;
  private final Path config;
  private final Path pidfile;
  private final int httpPort;

  public PrivateInfluxd(Path dir) throws IOException {
    this.dir = dir;
    String shared =
        Files.readString(
            Path.of(
                Services.env("OPTBENCH_INFLUX_CONFIG")
                    .orElseThrow(() -> new IllegalStateException("OPTBENCH_INFLUX_CONFIG unset"))));
    this.httpPort = freePort();
    String text =
        shared
            .replaceAll(
                "(?m)^bind-address = .*$", "bind-address = \"127.0.0.1:" + freePort() + "\"")
            .replaceAll(
                "(?m)^(\\s+)bind-address = .*$", "$1bind-address = \"127.0.0.1:" + httpPort + "\"")
            .replaceAll("(?m)^(\\s+)dir = \".*/meta\"$", "$1dir = \"" + dir.resolve("meta") + "\"")
            .replaceAll("(?m)^(\\s+)dir = \".*/data\"$", "$1dir = \"" + dir.resolve("data") + "\"")
            .replaceAll("(?m)^(\\s+)wal-dir = .*$", "$1wal-dir = \"" + dir.resolve("wal") + "\"");
    this.config = Files.writeString(dir.resolve("influxdb.conf"), text);
    this.pidfile = dir.resolve("influxd.pid");
  }

  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  public void start() throws IOException, InterruptedException {
    new ProcessBuilder(
            List.of("influxd", "run", "-config", config.toString(), "-pidfile", pidfile.toString()))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("influxd.log").toFile()))
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!pings()) {
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "private influxd did not answer /ping in 30 s; see " + dir.resolve("influxd.log"));
      }
      Thread.sleep(50);
    }
  }

  /** SIGTERM to the pid in the pidfile, then waits until the process is gone. */
  public void stop() throws IOException, InterruptedException {
    if (!Files.exists(pidfile)) {
      return;
    }
    long pid = Long.parseLong(Files.readString(pidfile).trim());
    var process = ProcessHandle.of(pid);
    if (process.isPresent()) {
      process.get().destroy();
      try {
        process.get().onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        process.get().destroyForcibly();
      }
    }
  }

  public boolean pings() {
    try {
      HttpRequest ping =
          HttpRequest.newBuilder(URI.create(url() + "/ping"))
              .timeout(Duration.ofSeconds(1))
              .build();
      return HttpClient.newHttpClient()
              .send(ping, HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 204;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
