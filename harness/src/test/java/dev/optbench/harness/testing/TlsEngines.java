package dev.optbench.harness.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Docker engines for integration tests that need several hosts: each a dockerd in a network
 * namespace of the test's own, listening on TLS at an address the test assigned, with certificates
 * the test made. {@link #close} removes every daemon, namespace, veth and folder, also after a
 * failure; a test calls {@link Services#missing} (through {@link #start}) where the machine cannot
 * do this (no root, docker.io, iproute2 or openssl).
 */
public final class TlsEngines implements AutoCloseable {
  private final Path dir;
  private final TestCertificates certs;
  private final List<NetnsHost> hosts = new ArrayList<>();
  private final List<PrivateDockerd> daemons = new ArrayList<>();

  private TlsEngines(Path dir, TestCertificates certs) {
    this.dir = dir;
    this.certs = certs;
  }

  /**
   * Starts {@code count} engines; what was started is closed again if a later one cannot start.
   *
   * @param prefix names the working folder under target/ (overlay2 wants a disk file system under
   *     the data root, so not /tmp)
   */
  public static TlsEngines start(String prefix, int count) throws Exception {
    if (!PrivateDockerd.possible() || !NetnsHost.possible() || !TestCertificates.possible()) {
      Services.missing(
          "dockerd in network namespaces of the test's own (needs root, docker.io, iproute2,"
              + " openssl)");
    }
    Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), prefix);
    TlsEngines engines =
        new TlsEngines(dir, TestCertificates.create(dir.resolve("certs"), "optbench-it-ca"));
    try {
      for (int i = 0; i < count; i++) {
        try {
          engines.hosts.add(NetnsHost.create(i));
        } catch (IOException e) {
          Services.missing("a network namespace of the test's own (" + e.getMessage() + ")");
        }
        NetnsHost host = engines.hosts.get(i);
        Path[] server = engines.certs.server(host.address());
        engines.daemons.add(
            new PrivateDockerd(dir.resolve("dockerd-" + i))
                .inNetns(host.name())
                .listenTls(host.address(), engines.certs.ca(), server[0], server[1]));
      }
      for (PrivateDockerd d : engines.daemons) {
        try {
          d.start();
        } catch (IOException e) {
          Services.missing("a dockerd in a network namespace (" + e.getMessage() + ")");
        }
      }
      return engines;
    } catch (Exception | Error e) { // Services.missing throws an assumption failure
      engines.close();
      throw e;
    }
  }

  /** The working folder (certificates, daemons' data), removed by {@link #close}. */
  public Path dir() {
    return dir;
  }

  public TestCertificates certs() {
    return certs;
  }

  public NetnsHost host(int i) {
    return hosts.get(i);
  }

  public List<PrivateDockerd> daemons() {
    return daemons;
  }

  /** "tcp://ADDRESS:2376", engine {@code i}'s TLS port, without the client's certificates. */
  public String tcp(int i) {
    return "tcp://" + hosts.get(i).address() + ":2376";
  }

  /** {@link #tcp} with the client's certificates, as {@code --engine NAME=} takes it. */
  public String tls(int i) {
    return tcp(i) + ",tls=" + certs.clientDir();
  }

  @Override
  public void close() throws IOException {
    for (PrivateDockerd d : daemons) {
      d.close();
    }
    for (NetnsHost h : hosts) {
      h.close();
    }
    daemons.clear();
    hosts.clear();
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
