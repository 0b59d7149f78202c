package dev.optbench.harness.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A dockerd of this test's own, to crash and restart at will; the shared engine from services.sh is
 * left alone (other tests and other worktrees use it). Started as services.sh starts the shared
 * one: a private unix socket, its own data and exec roots (so its own managed containerd), no
 * bridge, no iptables changes. The socket and the exec root live in a short folder of their own
 * because a unix socket's path is limited to 107 bytes and a checkout's target folder can be deep.
 */
public final class PrivateDockerd implements AutoCloseable {
  private final Path dir;
  private final Path socketDir;
  private final Path pidfile;
  private final List<String> prefix = new ArrayList<>();
  private final List<String> extraArgs = new ArrayList<>();

  /** {@code dir}: data and exec roots and the log; on a disk file system (overlay2 needs one). */
  public PrivateDockerd(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.socketDir = Files.createTempDirectory("dockerd-");
    this.pidfile = dir.resolve("dockerd.pid");
  }

  /**
   * Runs the daemon in network namespace {@code netns} (made by {@link NetnsHost}). Through {@code
   * nsenter --net}, not {@code ip netns exec}: the latter also makes a mount namespace with a fresh
   * /sys, which hides the cgroup mounts, and dockerd then stops with "Devices cgroup isn't mounted"
   * (seen here). Its unix socket stays reachable from the host: sockets are files.
   */
  public PrivateDockerd inNetns(String netns) {
    prefix.addAll(List.of("nsenter", "--net=/var/run/netns/" + netns));
    return this;
  }

  /**
   * Also listens on {@code tcp://address:2376} and accepts only clients whose certificate {@code
   * ca} signed ({@code --tlsverify}), presenting {@code cert} and {@code key}.
   */
  public PrivateDockerd listenTls(String address, Path ca, Path cert, Path key) {
    extraArgs.addAll(
        List.of(
            "--host",
            "tcp://" + address + ":2376",
            "--tlsverify",
            "--tlscacert",
            ca.toString(),
            "--tlscert",
            cert.toString(),
            "--tlskey",
            key.toString()));
    return this;
  }

  /** True where this test can run a dockerd: root, with dockerd on the PATH. */
  public static boolean possible() {
    return "root".equals(System.getProperty("user.name")) && onPath("dockerd");
  }

  /**
   * Beside the socket, not under {@code dir}: containerd puts its own sockets in the exec root
   * ({@code containerd/containerd.sock.ttrpc}), and under a deep checkout that path passed the
   * 107-byte limit, so the daemon never answered (seen in a clean-clone CI run).
   */
  private Path execRoot() {
    return socketDir.resolve("exec");
  }

  public String host() {
    return "unix://" + socketDir.resolve("docker.sock");
  }

  public Path log() {
    return dir.resolve("dockerd.log");
  }

  /** Starts dockerd and waits until its socket answers (60 s at most). */
  public void start() throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(prefix);
    argv.addAll(
        List.of(
            "dockerd",
            "--host",
            host(),
            "--data-root",
            dir.resolve("data").toString(),
            "--exec-root",
            execRoot().toString(),
            "--pidfile",
            pidfile.toString(),
            "--bridge=none",
            "--iptables=false",
            "--ip-masq=false",
            "--ip6tables=false"));
    argv.addAll(extraArgs);
    new ProcessBuilder(argv)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!answers()) {
      if (System.nanoTime() > deadline) {
        List<String> lines = Files.readAllLines(log());
        throw new IOException(
            "private dockerd did not answer in 60 s; the end of "
                + log()
                + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
      }
      Thread.sleep(200);
    }
  }

  /** SIGKILL, as a crash: no container is stopped, nothing is cleaned up. */
  public void crash() throws Exception {
    Optional<ProcessHandle> daemon = daemon();
    if (daemon.isPresent()) {
      daemon.get().destroyForcibly();
      daemon.get().onExit().get(30, TimeUnit.SECONDS);
    }
  }

  private Optional<ProcessHandle> daemon() throws IOException {
    if (!Files.exists(pidfile)) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(Files.readString(pidfile).trim()))
        .filter(ProcessHandle::isAlive);
  }

  private boolean answers() throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder("docker", "-H", host(), "version", "--format", "{{.Server.Version}}")
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * dockerd bind-mounts its data root onto itself (and a crash can leave overlay mounts): lazily
   * unmounted, deepest first, so the folder can be deleted.
   */
  private static void unmountBelow(Path root) throws IOException, InterruptedException {
    List<String> mountPoints =
        Files.readAllLines(Path.of("/proc/self/mounts")).stream()
            .map(line -> line.split(" ")[1])
            .filter(point -> point.startsWith(root.toString()))
            .sorted(Comparator.reverseOrder())
            .toList();
    for (String point : mountPoints) {
      new ProcessBuilder("umount", "-l", point).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    for (String dirName : path.split(":")) {
      if (Files.isExecutable(Path.of(dirName, program))) {
        return true;
      }
    }
    return false;
  }

  /**
   * SIGTERM (dockerd then stops its containerd), then the socket folder. The data root stays for
   * the caller to delete: it may hold overlay mounts until the daemon is fully gone.
   */
  @Override
  public void close() throws IOException {
    try {
      stop();
    } catch (InterruptedException e) {
      // javac warns on an AutoCloseable whose close() may throw InterruptedException: keep the flag
      Thread.currentThread().interrupt();
    }
  }

  private void stop() throws IOException, InterruptedException {
    Optional<ProcessHandle> daemon = daemon();
    if (daemon.isPresent()) {
      daemon.get().destroy();
      try {
        daemon.get().onExit().get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        daemon.get().destroyForcibly();
      }
    }
    // A crashed dockerd leaves its containerd (and the shims) running; a restarted one may not
    // adopt them. Anything started with this daemon's exec root in its arguments is ours.
    String execRoot = execRoot().toString();
    ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info().arguments().map(a -> String.join(" ", a).contains(execRoot)).orElse(false))
        .forEach(ProcessHandle::destroy);
    unmountBelow(dir);
    unmountBelow(socketDir);
    try (var all = Files.walk(socketDir)) { // the socket and the exec root's leftovers
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
