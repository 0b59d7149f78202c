package dev.optbench.harness.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CA, server certificates for IP addresses and a client certificate, made with the openssl CLI as
 * Docker's "protect the daemon socket" guide makes them; the client's files get the docker CLI's
 * names (ca.pem, cert.pem, key.pem) in {@link #clientDir()}. Keys are 2048-bit RSA, valid two days:
 * enough for a test, and quick (about 0.1 s each here).
 */
public final class TestCertificates {
  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  public static boolean possible() {
    return new java.io.File("/usr/bin/openssl").canExecute();
  }

  /** A new CA in {@code dir} and a client certificate it signed. */
  public static TestCertificates create(Path dir, String caName)
      throws IOException, InterruptedException {
    TestCertificates certs = new TestCertificates(Files.createDirectories(dir));
    Files.createDirectories(certs.clientDir());
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=" + caName,
        "-keyout",
        certs.caKey().toString(),
        "-out",
        certs.ca().toString());
    certs.sign("client", "extendedKeyUsage=clientAuth");
    Files.copy(certs.ca(), certs.clientDir().resolve("ca.pem"));
    Files.move(dir.resolve("client.pem"), certs.clientDir().resolve("cert.pem"));
    Files.move(dir.resolve("client-key.pem"), certs.clientDir().resolve("key.pem"));
    return certs;
  }

  public Path ca() {
    return dir.resolve("ca.pem");
  }

  private Path caKey() {
    return dir.resolve("ca-key.pem");
  }

  /** ca.pem, cert.pem, key.pem for a client, as DOCKER_CERT_PATH holds them. */
  public Path clientDir() {
    return dir.resolve("client");
  }

  /** A server certificate for {@code ip}: {@code [cert, key]}. */
  public Path[] server(String ip) throws IOException, InterruptedException {
    String name = "server-" + ip;
    sign(name, "subjectAltName=IP:" + ip + "\nextendedKeyUsage=serverAuth");
    return new Path[] {dir.resolve(name + ".pem"), dir.resolve(name + "-key.pem")};
  }

  private void sign(String name, String extensions) throws IOException, InterruptedException {
    Path key = dir.resolve(name + "-key.pem");
    Path csr = dir.resolve(name + ".csr");
    Path ext = Files.writeString(dir.resolve(name + ".ext"), extensions + "\n");
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=" + name,
        "-keyout",
        key.toString(),
        "-out",
        csr.toString());
    openssl(
        "x509",
        "-req",
        "-days",
        "2",
        "-in",
        csr.toString(),
        "-CA",
        ca().toString(),
        "-CAkey",
        caKey().toString(),
        "-CAcreateserial",
        "-extfile",
        ext.toString(),
        "-out",
        dir.resolve(name + ".pem").toString());
  }

  private static void openssl(String... args) throws IOException, InterruptedException {
    List<String> argv = new java.util.ArrayList<>(List.of("openssl"));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", argv) + " failed: " + out.strip());
    }
  }
}
