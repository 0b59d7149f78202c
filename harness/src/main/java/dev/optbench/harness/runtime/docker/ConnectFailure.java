package dev.optbench.harness.runtime.docker;

import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Why a connection to an engine failed, as one sentence a user can act on. docker-java wraps the
 * transport's exception (often twice) and its messages name the symptom (a handshake alert, "HTTP
 * request to an HTTPS server"), not the misconfiguration behind it; this maps the usual ones.
 */
public final class ConnectFailure {
  /** The plain reasons of a busy or restarting engine, which a moment later may answer. */
  private static final Set<String> TRANSIENT =
      Set.of("connection refused", "the connection was closed", "no answer in time");

  private ConnectFailure() {}

  static String explain(String host, TlsFiles tls, Throwable failure) {
    return misconfiguration(host, tls, failure).orElseGet(() -> unreachable(host, failure));
  }

  /**
   * Whether trying again in a moment may help: the engine refused, closed or did not answer, and
   * nothing points at TLS files or the address, which no wait will fix. {@code failure} is what
   * {@link DockerEngine#connect(String, TlsFiles)} was given, the cause of its exception.
   */
  public static boolean isTransient(String host, TlsFiles tls, Throwable failure) {
    return misconfiguration(host, tls, failure).isEmpty()
        && TRANSIENT.contains(plainReason(failure));
  }

  private static String unreachable(String host, Throwable failure) {
    if (host.startsWith("unix://")) {
      return DockerEngine.unreachable(host, failure);
    }
    return "No Docker engine answers at "
        + host
        + " ("
        + plainReason(failure)
        + "): is dockerd listening there, and is the address reachable from this machine?";
  }

  /** The sentence for a TLS mistake, when the failure shows one. */
  private static Optional<String> misconfiguration(String host, TlsFiles tls, Throwable failure) {
    String detail = detail(failure);
    String lower = chainText(failure).toLowerCase(Locale.ROOT);
    if (lower.contains("http request to an https server")) {
      return Optional.of(
          host
              + " speaks TLS but no TLS files were given: name its CA, client certificate and key"
              + " (tls=DIR in --engine, or ca/cert/key in the engines file)");
    }
    if (lower.contains("pkix path") || lower.contains("unable to find valid certification path")) {
      return Optional.of(
          host
              + " presented a certificate that the CA in "
              + tls.ca()
              + " did not sign (wrong CA file?): "
              + detail);
    }
    if (lower.contains("certificate_unknown")
        || lower.contains("bad_certificate")
        || lower.contains("unknown_ca")
        || lower.contains("certificate_required")) {
      return Optional.of(
          host
              + " refused the client certificate "
              + tls.cert()
              + " (not signed by a CA the engine trusts?): "
              + detail);
    }
    if (tls.enabled()
        && (lower.contains("broken pipe") || lower.contains("connection reset"))
        && !has(failure, SSLHandshakeException.class)) {
      // TLS 1.3 finishes the client's side of the handshake before the server has checked the
      // client certificate; a server that refuses it sends its alert and closes, and the client
      // often meets the closed socket on its first write (seen in EnginesCommandIT on CI) before
      // it reads the alert. The certificate is then the likely cause, and the sentence says so.
      return Optional.of(
          host
              + " refused the client certificate "
              + tls.cert()
              + " (it closed the connection right after the TLS handshake; not signed by a CA the"
              + " engine trusts?): "
              + detail);
    }
    if (lower.contains("no subject alternative") || lower.contains("doesn't match")) {
      return Optional.of(host + " presented a certificate for another name or address: " + detail);
    }
    if (tls.enabled()
        && (lower.contains("unrecognized ssl message") || lower.contains("plaintext connection"))) {
      return Optional.of(
          host + " does not speak TLS (a plain tcp:// engine?): drop the TLS files: " + detail);
    }
    if (has(failure, SSLHandshakeException.class) || has(failure, SSLException.class)) {
      return Optional.of(host + ": TLS handshake failed: " + detail);
    }
    return Optional.empty(); // not TLS's fault: the engine is not there, or not yet
  }

  /**
   * The transport's complaint in the user's words: docker-java's messages name Java exceptions
   * ("RuntimeException: java.net.SocketException: No such file or directory"), which say nothing to
   * someone who only wants to know whether dockerd runs.
   */
  static String plainReason(Throwable failure) {
    String lower = chainText(failure).toLowerCase(Locale.ROOT);
    if (lower.contains("no such file")) {
      return "no such socket";
    }
    if (lower.contains("connection refused")) {
      return "connection refused";
    }
    if (lower.contains("permission denied")) {
      return "permission denied: this user may not open it";
    }
    if (has(failure, SocketTimeoutException.class) || lower.contains("timed out")) {
      return "no answer in time";
    }
    if (lower.contains("connection reset") || lower.contains("broken pipe")) {
      return "the connection was closed";
    }
    if (has(failure, UnknownHostException.class)) {
      return "unknown host";
    }
    if (lower.contains("no route to host")) {
      return "no route to host";
    }
    Throwable root = root(failure);
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
  }

  private static boolean has(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause: the one that names the socket or TLS problem. */
  private static String detail(Throwable failure) {
    Throwable root = root(failure);
    String m = root.getMessage();
    return root.getClass().getSimpleName() + (m == null ? "" : ": " + m.strip());
  }

  private static Throwable root(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String chainText(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(t.getClass().getName()).append(' ').append(t.getMessage()).append('\n');
    }
    return text.toString();
  }
}
