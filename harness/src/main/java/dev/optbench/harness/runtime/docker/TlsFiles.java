package dev.optbench.harness.runtime.docker;

import com.github.dockerjava.core.SSLConfig;
import com.github.dockerjava.core.util.CertificateUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Security;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The PEM files of a TLS-protected engine ({@code dockerd --tlsverify}): the CA that signed the
 * engine's certificate, and the client certificate and key it accepts. Each file is named on its
 * own, not as docker-java's cert folder ({@code withDockerCertPath}) which insists on the docker
 * CLI's names {@code ca.pem cert.pem key.pem} in one folder; {@link #inFolder} makes that case.
 * {@link #NONE} is a plain connection.
 */
public record TlsFiles(Path ca, Path cert, Path key) {
  /** No TLS: unix sockets and plain {@code tcp://}. */
  public static final TlsFiles NONE = new TlsFiles(Path.of(""), Path.of(""), Path.of(""));

  /** The docker CLI's layout ({@code DOCKER_CERT_PATH}): ca.pem, cert.pem and key.pem. */
  public static TlsFiles inFolder(Path dir) {
    return new TlsFiles(dir.resolve("ca.pem"), dir.resolve("cert.pem"), dir.resolve("key.pem"));
  }

  public boolean enabled() {
    return !equals(NONE);
  }

  /**
   * Reads and parses the three files, so a wrong path or a file that is not PEM is reported before
   * any connection, naming the file.
   *
   * @throws IllegalArgumentException with one sentence naming the file and what is wrong
   */
  public SSLConfig sslConfig() {
    // CertificateUtils asks for the "BC" provider by name; LocalDirectorySSLConfig registers it
    // itself, we bypass that class (see above), so register it here. Adding it twice is a no-op.
    Security.addProvider(new BouncyCastleProvider());
    String caPem = read("CA", ca);
    String certPem = read("client certificate", cert);
    String keyPem = read("client key", key);
    KeyStore trust = parse("CA", ca, () -> CertificateUtils.createTrustStore(caPem));
    KeyStore keys =
        parse(
            "client key or certificate",
            key,
            () -> CertificateUtils.createKeyStore(keyPem, certPem));
    return () -> context(trust, keys);
  }

  private static SSLContext context(KeyStore trust, KeyStore keys) {
    try {
      // createKeyStore protects the key with this password (docker-java's own constant).
      KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      km.init(keys, "docker".toCharArray());
      TrustManagerFactory tm =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tm.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(km.getKeyManagers(), tm.getTrustManagers(), null);
      return ssl;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static String read(String what, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("TLS " + what + " file " + file + " does not exist");
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "TLS " + what + " file " + file + " is not readable (" + e.getMessage() + ")", e);
    }
  }

  private interface Parse {
    KeyStore get() throws IOException, GeneralSecurityException;
  }

  private static KeyStore parse(String what, Path file, Parse parse) {
    try {
      KeyStore store = parse.get();
      if (store == null) { // docker-java returns null for a key it cannot read
        throw new IllegalArgumentException("no key or certificate found");
      }
      return store;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException(
          "TLS " + what + " in " + file + " is not valid PEM (" + e.getMessage() + ")", e);
    }
  }
}
