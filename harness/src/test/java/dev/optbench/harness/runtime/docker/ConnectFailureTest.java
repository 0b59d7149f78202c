package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.file.Path;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The sentences for the failures EnginesCommandIT provokes for real, and the rarer ones. */
class ConnectFailureTest {
  private static final String HOST = "tcp://10.0.0.2:2376";
  private static final TlsFiles TLS = TlsFiles.inFolder(Path.of("/c"));

  private static String explain(TlsFiles tls, Throwable cause) {
    return ConnectFailure.explain(HOST, tls, new RuntimeException("wrapped", cause));
  }

  @Test
  void eachMisconfigurationGetsItsSentence() {
    assertThat(
            explain(
                TlsFiles.NONE,
                new RuntimeException("Client sent an HTTP request to an HTTPS server.")))
        .startsWith(HOST + " speaks TLS but no TLS files were given");
    assertThat(
            explain(
                TLS,
                new SSLHandshakeException(
                    "PKIX path building failed: unable to find valid certification path")))
        .startsWith(HOST + " presented a certificate that the CA in /c/ca.pem did not sign");
    assertThat(explain(TLS, new SSLHandshakeException("Received fatal alert: bad_certificate")))
        .startsWith(HOST + " refused the client certificate /c/cert.pem");
    // TLS 1.3: the refusal can reach the client as a closed socket on its first write (CI saw it)
    assertThat(explain(TLS, new java.net.SocketException("Broken pipe")))
        .startsWith(HOST + " refused the client certificate /c/cert.pem (it closed the connection");
    assertThat(explain(TlsFiles.NONE, new java.net.SocketException("Broken pipe")))
        .as("without TLS a closed socket says nothing about certificates")
        .startsWith("No Docker engine answers at " + HOST);
    assertThat(explain(TLS, new SSLHandshakeException("No subject alternative names matching IP")))
        .startsWith(HOST + " presented a certificate for another name or address");
    assertThat(explain(TLS, new SSLException("Unsupported or unrecognized SSL message")))
        .startsWith(HOST + " does not speak TLS (a plain tcp:// engine?)");
    assertThat(explain(TLS, new ConnectException("Connection refused")))
        .isEqualTo(
            "No Docker engine answers at "
                + HOST
                + " (connection refused): is dockerd listening there, and is"
                + " the address reachable from this machine?");
  }

  @Test
  void aLocalSocketWithoutEngineIsOneSentenceWithTheWaysOn() {
    // What docker-java's unix transport throws when the socket file is missing.
    RuntimeException missing =
        new RuntimeException(
            "java.net.SocketException: No such file or directory",
            new java.net.SocketException("No such file or directory"));
    assertThat(ConnectFailure.explain("unix:///x.sock", TlsFiles.NONE, missing))
        .isEqualTo(
            "No Docker engine answers at unix:///x.sock (no such socket): start dockerd, point"
                + " DOCKER_HOST or --engine at a running engine, or choose another runtime with"
                + " --runtime cgroup or --runtime process")
        .doesNotContain("Exception");
  }

  @Test
  void theReasonIsSaidInPlainWords() {
    assertThat(ConnectFailure.plainReason(new ConnectException("Connection refused")))
        .isEqualTo("connection refused");
    assertThat(ConnectFailure.plainReason(new java.net.SocketException("Permission denied")))
        .startsWith("permission denied");
    assertThat(ConnectFailure.plainReason(new java.net.SocketTimeoutException("Read timed out")))
        .isEqualTo("no answer in time");
    assertThat(ConnectFailure.plainReason(new java.net.UnknownHostException("nohost")))
        .isEqualTo("unknown host");
    assertThat(ConnectFailure.plainReason(new RuntimeException("x", new IllegalStateException())))
        .isEqualTo("IllegalStateException");
  }
}
