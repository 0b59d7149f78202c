package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemons of the run's engine only, on a fake /proc: two dockerds (the run's, with its own
 * containerd; another one on the host), a system containerd, shims of several containers.
 */
class EngineDaemonsTest {
  private static final String RUN_SOCKET = "/var/lib/run/docker.sock";
  private static final String OTHER_SOCKET = "/var/run/docker.sock";
  private static final String HEADER = "Num       RefCount Protocol Flags    Type St Inode Path\n";

  @TempDir Path proc;

  @BeforeEach
  void host() throws IOException {
    // the run's engine: dockerd 100 listens on RUN_SOCKET (inode 5001), its containerd 101
    process(100, 1, "dockerd", "dockerd", "--host", "unix://" + RUN_SOCKET);
    netUnix(100, listening(5001, RUN_SOCKET), connected(5002, RUN_SOCKET));
    fds(100, "socket:[5001]", "/dev/null", "socket:[77]");
    process(101, 100, "containerd", "containerd", "--config", "/x/containerd.toml");
    // another engine: dockerd 200 (inode 6001), its containerd 201
    process(200, 1, "dockerd", "dockerd");
    netUnix(200, listening(6001, OTHER_SOCKET));
    fds(200, "socket:[6001]");
    process(201, 200, "containerd", "containerd");
    // shims of the run's container c1 and of someone else's c9
    process(300, 1, "containerd-shim", "/usr/bin/containerd-shim-runc-v2", "-id", "c1");
    process(301, 1, "containerd-shim", "/usr/bin/containerd-shim-runc-v2", "-id", "c9");
    // a client connected to the run's socket (not listening): never the daemon
    process(400, 1, "dockerd", "dockerd", "--version");
    netUnix(400, connected(5002, RUN_SOCKET));
    fds(400, "socket:[5002]");
    process(500, 1, "java", "java");
    Files.createDirectories(proc.resolve("self"));
  }

  @Test
  void onlyTheRunsDockerdItsContainerdAndTheShimsOfItsContainers() {
    assertThat(EngineDaemons.serving(proc, List.of("unix://" + RUN_SOCKET), Set.of("c1")))
        .containsExactly(100L, 101L, 300L);
  }

  @Test
  void beforeAnyContainerStartsNoShimIsNamed() {
    assertThat(EngineDaemons.serving(proc, List.of("unix://" + RUN_SOCKET), Set.of()))
        .containsExactly(100L, 101L);
  }

  @Test
  void aContainerdNamedByDockerdsFlagIsFoundByItsSocket() throws IOException {
    process(
        100, 1, "dockerd", "dockerd", "--containerd=/run/containerd/containerd.sock", "-H", "x");
    process(600, 1, "containerd", "containerd"); // the system one, not dockerd's child
    netUnix(600, listening(7001, "/run/containerd/containerd.sock"));
    fds(600, "socket:[7001]");
    assertThat(EngineDaemons.serving(proc, List.of("unix://" + RUN_SOCKET), Set.of()))
        .as("the child 101 is not the containerd dockerd uses")
        .containsExactly(100L, 600L);
  }

  @Test
  void severalEnginesAndNonLocalOnes() {
    assertThat(
            EngineDaemons.serving(
                proc,
                List.of("unix://" + RUN_SOCKET, "unix://" + OTHER_SOCKET, "tcp://10.0.0.2:2376"),
                Set.of()))
        .containsExactly(100L, 101L, 200L, 201L);
    assertThat(EngineDaemons.serving(proc, List.of("tcp://127.0.0.1:2375"), Set.of("c1")))
        .as("a tcp engine names no daemon; a shim alone is named by its container")
        .containsExactly(300L);
    assertThat(EngineDaemons.serving(proc, List.of("unix:///nothing.sock"), Set.of())).isEmpty();
  }

  private void process(int pid, int ppid, String comm, String... argv) throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
    Files.writeString(dir.resolve("comm"), comm + "\n");
    Files.writeString(dir.resolve("stat"), pid + " (" + comm + ") S " + ppid + " 1 1 0 -1\n");
    Files.writeString(dir.resolve("cmdline"), String.join("\0", argv) + "\0");
  }

  private void netUnix(int pid, String... lines) throws IOException {
    Path net = Files.createDirectories(proc.resolve(pid + "/net"));
    Files.writeString(net.resolve("unix"), HEADER + String.join("\n", lines) + "\n");
  }

  private void fds(int pid, String... targets) throws IOException {
    Path fd = Files.createDirectories(proc.resolve(pid + "/fd"));
    for (int i = 0; i < targets.length; i++) {
      Files.createSymbolicLink(fd.resolve(Integer.toString(i + 3)), Path.of(targets[i]));
    }
  }

  private static String listening(int inode, String path) {
    return "0000000000000000: 00000002 00000000 00010000 0001 01 " + inode + " " + path;
  }

  private static String connected(int inode, String path) {
    return "0000000000000000: 00000003 00000000 00000000 0001 03 " + inode + " " + path;
  }
}
