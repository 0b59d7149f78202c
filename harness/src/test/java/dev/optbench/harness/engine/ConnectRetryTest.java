package dev.optbench.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.harness.runtime.RuntimeUnavailableException;
import dev.optbench.harness.runtime.docker.DockerEngine;
import dev.optbench.harness.runtime.docker.TlsFiles;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The retry policy on a fake clock: which failures are tried again, how often, how long. */
class ConnectRetryTest {
  private static final EngineSpec PLAIN =
      new EngineSpec("a", "tcp://10.0.0.2:2375", TlsFiles.NONE, Map.of());
  private static final EngineSpec TLS =
      new EngineSpec("b", "tcp://10.0.0.3:2376", TlsFiles.inFolder(Path.of("/c")), Map.of());

  /** Time moves only when slept on or when an attempt "takes" time. */
  private static final class FakeClock implements ConnectRetry.Clock {
    long nanos;
    final List<Duration> pauses = new ArrayList<>();

    @Override
    public long nanoTime() {
      return nanos;
    }

    @Override
    public void sleep(Duration pause) {
      pauses.add(pause);
      nanos += pause.toNanos();
    }
  }

  private final FakeClock clock = new FakeClock();
  private int attempts;

  /** A connector that fails with {@code cause} (as DockerEngine.connect wraps it) each time. */
  private Engines.Connector failing(Throwable cause, Duration each) {
    return (url, tls) -> {
      attempts++;
      clock.nanos += each.toNanos();
      throw new RuntimeUnavailableException("cannot connect to " + url, cause);
    };
  }

  private DockerEngine connect(EngineSpec spec, Engines.Connector connector) {
    return Engines.connect(spec, new ConnectRetry(clock), connector);
  }

  @Test
  void aRefusedConnectionIsTriedAgainWithGrowingPausesWithinTheBudget() {
    assertThatThrownBy(
            () ->
                connect(PLAIN, failing(new ConnectException("Connection refused"), Duration.ZERO)))
        .isInstanceOf(RuntimeUnavailableException.class)
        .hasMessageStartingWith("engine a: cannot connect to tcp://10.0.0.2:2375")
        .hasMessageEndingWith("(tried 6 times over 7 s)");
    assertThat(attempts).isEqualTo(6);
    assertThat(clock.pauses).isEqualTo(ConnectRetry.PAUSES);
    assertThat(Duration.ofNanos(clock.nanos)).isLessThanOrEqualTo(ConnectRetry.BUDGET);
  }

  @Test
  void slowAttemptsStopBeforeTheBudgetWouldBeExceeded() {
    // Each attempt runs into the 3 s connect timeout: 3 + 0.25 + 3 + 0.5 + 3 = 9.75 s; one more
    // would end near 14 s.
    assertThatThrownBy(
            () ->
                connect(
                    PLAIN,
                    failing(
                        new SocketTimeoutException("connect timed out"), Duration.ofSeconds(3))))
        .hasMessageEndingWith("(tried 3 times over 10 s)");
    assertThat(attempts).isEqualTo(3);
    assertThat(Duration.ofNanos(clock.nanos)).isLessThanOrEqualTo(ConnectRetry.BUDGET);
  }

  @Test
  void aResetThatClearsIsNotReported() {
    DockerEngine[] none = new DockerEngine[1];
    Engines.Connector flaky =
        (url, tls) -> {
          if (++attempts < 3) {
            throw new RuntimeUnavailableException("x", new SocketException("Connection reset"));
          }
          return none[0];
        };
    assertThat(connect(PLAIN, flaky)).isNull(); // the fake's "engine": what the third try gave
    assertThat(attempts).isEqualTo(3);
    assertThat(clock.pauses).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void tlsMistakesAndMissingSocketsFailAtOnce() {
    assertThatThrownBy(
            () ->
                connect(
                    TLS,
                    failing(new SSLHandshakeException("PKIX path building failed"), Duration.ZERO)))
        .hasMessageNotContaining("tried");
    // With TLS, a reset right after the handshake is the engine refusing the client certificate.
    assertThatThrownBy(
            () -> connect(TLS, failing(new SocketException("Connection reset"), Duration.ZERO)))
        .hasMessageNotContaining("tried");
    EngineSpec unix = new EngineSpec("u", "unix:///nothing.sock", TlsFiles.NONE, Map.of());
    assertThatThrownBy(
            () ->
                connect(
                    unix, failing(new SocketException("No such file or directory"), Duration.ZERO)))
        .hasMessageNotContaining("tried");
    assertThat(attempts).isEqualTo(3);
    assertThat(clock.pauses).isEmpty();
  }

  @Test
  void otherExceptionsAreNotRetriedNorRewrapped() {
    IllegalArgumentException bad = new IllegalArgumentException("bad URL");
    assertThatThrownBy(
            () ->
                connect(
                    PLAIN,
                    (url, tls) -> {
                      attempts++;
                      throw bad;
                    }))
        .isSameAs(bad);
    assertThat(attempts).isEqualTo(1);
  }
}
