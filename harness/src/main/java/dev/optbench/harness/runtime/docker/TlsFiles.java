package dev.optbench.harness.runtime.docker;

import com.github.dockerjava.transport.SSLConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The PEM files of a TLS-protected engine ({@code dockerd --tlsverify}): the CA that signed the
 * engine's certificate, and the client certificate and key it accepts. Each file is named on its
 * own: docker-java's cert folder ({@code DefaultDockerClientConfig.withDockerCertPath}) insists on
 * the docker CLI's names in one folder, and its custom-SSL hook takes a deprecated type; {@link
 * #inFolder} covers the folder case. Certificates are read by the JDK, keys by BouncyCastle
 * (PKCS#1, PKCS#8 and EC keys, as openssl writes them). {@link #NONE} is a plain connection.
 */
public record TlsFiles(Path ca, Path cert, Path key) {
  /** No TLS: unix sockets and plain {@code tcp://}. */
  public static final TlsFiles NONE = new TlsFiles(Path.of(""), Path.of(""), Path.of(""));

  /** In-memory stores only: the password protects nothing on disk. */
  private static final char[] PASSWORD = "optbench".toCharArray();

  /** The docker CLI's layout ({@code DOCKER_CERT_PATH}): ca.pem, cert.pem and key.pem. */
  public static TlsFiles inFolder(Path dir) {
    return new TlsFiles(dir.resolve("ca.pem"), dir.resolve("cert.pem"), dir.resolve("key.pem"));
  }

  /**
   * As the docker CLI reads its environment: {@code DOCKER_TLS_VERIFY} set (and not "0") means TLS
   * with the files in {@code DOCKER_CERT_PATH}, else {@code ~/.docker}; otherwise {@link #NONE}.
   */
  public static TlsFiles fromEnvironment(Map<String, String> env) {
    String verify = env.getOrDefault("DOCKER_TLS_VERIFY", "");
    return verify.isEmpty() || verify.equals("0")
        ? NONE
        : inFolder(
            Path.of(
                env.getOrDefault(
                    "DOCKER_CERT_PATH", System.getProperty("user.home") + "/.docker")));
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
    Collection<? extends Certificate> cas = certificates("CA", ca);
    Collection<? extends Certificate> chain = certificates("client certificate", cert);
    PrivateKey privateKey = privateKey();
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      int i = 0;
      for (Certificate c : cas) {
        trust.setCertificateEntry("ca-" + i++, c);
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("client", privateKey, PASSWORD, chain.toArray(Certificate[]::new));
      SSLContext ssl = context(trust, keys);
      return () -> ssl;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "the TLS key " + key + " does not fit the certificate " + cert + " (" + e + ")", e);
    }
  }

  private static SSLContext context(KeyStore trust, KeyStore keys) throws GeneralSecurityException {
    KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    km.init(keys, PASSWORD);
    TrustManagerFactory tm =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tm.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(km.getKeyManagers(), tm.getTrustManagers(), null);
    return ssl;
  }

  private static Collection<? extends Certificate> certificates(String what, Path file) {
    exists(what, file);
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> found =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (found.isEmpty()) {
        throw new IllegalArgumentException("TLS " + what + " in " + file + " holds no certificate");
      }
      return found;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "TLS " + what + " in " + file + " is not a PEM certificate (" + e.getMessage() + ")", e);
    }
  }

  private PrivateKey privateKey() {
    exists("client key", key);
    try (Reader in = Files.newBufferedReader(key);
        PEMParser pem = new PEMParser(in)) {
      Object read = pem.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (read instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      if (read instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      throw new IllegalArgumentException(
          "TLS client key in " + key + " is not an unencrypted PEM private key");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "TLS client key in " + key + " is not readable PEM (" + e.getMessage() + ")", e);
    }
  }

  private static void exists(String what, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("TLS " + what + " file " + file + " does not exist");
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("TLS " + what + " file " + file + " is not readable");
    }
  }
}
