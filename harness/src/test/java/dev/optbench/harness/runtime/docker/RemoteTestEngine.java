package dev.optbench.harness.runtime.docker;

import dev.optbench.harness.testing.NetnsHost;
import dev.optbench.harness.testing.PrivateDockerd;
import dev.optbench.harness.testing.Services;
import dev.optbench.harness.testing.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One dockerd in a network namespace of the test's own, as EnginesCommandIT makes them (its
 * helpers, not a copy): reached over TLS on tcp:// it is a remote engine ({@link #remote()}), over
 * its unix socket a local one ({@link #local()}); same daemon, same images. Skips (or fails under
 * OPTBENCH_REQUIRE_SERVICES) where a test cannot make namespaces or run dockerd.
 */
final class RemoteTestEngine implements AutoCloseable {
  private final Path dir;
  private NetnsHost host;
  private PrivateDockerd dockerd;
  private DockerEngine local;
  private DockerEngine remote;

  private RemoteTestEngine(Path dir) {
    this.dir = dir;
  }

  static RemoteTestEngine start(String name) throws Exception {
    if (!PrivateDockerd.possible() || !NetnsHost.possible() || !TestCertificates.possible()) {
      Services.missing(
          "a dockerd in a network namespace of the test's own (needs root, docker.io, iproute2,"
              + " openssl)");
    }
    // target/, not /tmp: overlay2 wants a disk file system under the data root.
    RemoteTestEngine e =
        new RemoteTestEngine(
            Files.createTempDirectory(Path.of("target").toAbsolutePath(), name + "-"));
    try {
      e.startDaemon();
    } catch (IOException | InterruptedException | RuntimeException | Error failure) {
      e.close();
      throw failure;
    }
    return e;
  }

  private void startDaemon() throws IOException, InterruptedException {
    TestCertificates certs = TestCertificates.create(dir.resolve("certs"), "optbench-it-ca");
    try {
      host = NetnsHost.create(0);
    } catch (IOException e) {
      Services.missing("a network namespace of the test's own (" + e.getMessage() + ")");
    }
    Path[] server = certs.server(host.address());
    dockerd =
        new PrivateDockerd(dir.resolve("dockerd"))
            .inNetns(host.name())
            .listenTls(host.address(), certs.ca(), server[0], server[1]);
    dockerd.start();
    local = DockerEngine.connect(dockerd.host());
    remote =
        DockerEngine.connect(
            "tcp://" + host.address() + ":2376", TlsFiles.inFolder(certs.clientDir()));
  }

  /** The engine over TLS: {@link DockerEngine#isLocal()} is false. */
  DockerEngine remote() {
    return remote;
  }

  /** The same daemon over its unix socket: local, host cgroups. */
  DockerEngine local() {
    return local;
  }

  /** A folder of the test's own, removed on close. */
  Path dir() {
    return dir;
  }

  @Override
  public void close() throws IOException {
    for (DockerEngine e : new DockerEngine[] {local, remote}) {
      if (e != null) {
        e.close();
      }
    }
    if (dockerd != null) {
      dockerd.close();
    }
    if (host != null) {
      host.close();
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
