package dev.optbench.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.optbench.harness.runtime.RuntimeUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Docker engine, addressed by its endpoint ({@code unix:///...} or {@code
 * tcp://127.0.0.1:...}). Several engines can be used side by side; each has its own client. Closing
 * the engine closes the client, never the engine itself.
 */
public final class DockerEngine implements AutoCloseable {
  /** Used when neither an explicit host nor DOCKER_HOST is given, as the docker CLI does. */
  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration PING_TIMEOUT = Duration.ofSeconds(3);

  private final String host;
  private final DockerClient client;
  private final Version version;

  private DockerEngine(String host, DockerClient client, Version version) {
    this.host = host;
    this.client = client;
    this.version = version;
  }

  /**
   * The engine named by {@code DOCKER_HOST}, else the default socket; over TLS when {@code
   * DOCKER_TLS_VERIFY} says so, as the docker CLI connects. A tcp:// engine is run as a remote one
   * ({@link #isLocal()}), so a whole run can go to one engine on another machine.
   */
  public static DockerEngine fromEnvironment() {
    return connect(hostFromEnvironment(), TlsFiles.fromEnvironment(System.getenv()));
  }

  public static String hostFromEnvironment() {
    return Optional.ofNullable(System.getenv("DOCKER_HOST"))
        .filter(h -> !h.isBlank())
        .orElse(DEFAULT_HOST);
  }

  /**
   * Connects and pings with a short timeout, so a dead engine is reported in seconds.
   *
   * @throws RuntimeUnavailableException when nothing answers at {@code host}
   */
  public static DockerEngine connect(String host) {
    return connect(host, TlsFiles.NONE);
  }

  /**
   * Connects over TLS when {@code tls} is {@link TlsFiles#enabled() enabled} (a {@code tcp://}
   * engine started with {@code --tlsverify}); otherwise as {@link #connect(String)}.
   *
   * @throws IllegalArgumentException when a TLS file is missing or not PEM (nothing was contacted)
   * @throws RuntimeUnavailableException when the engine does not answer, or the TLS handshake
   *     fails, with one sentence naming the likely misconfiguration
   */
  public static DockerEngine connect(String host, TlsFiles tls) {
    SSLConfig ssl = tls.enabled() ? tls.sslConfig() : null;
    // The ping gets its own client with a response timeout; the working client has none, because
    // an exec stream may stay silent for minutes (a long unit; the serve exec between units).
    // "None" must be said (zero = infinite): left unset, a TLS connection keeps the connect
    // timeout that httpclient5 puts on the socket for the handshake as its read timeout, and an
    // exec stream silent for 3 s failed with "Read timed out".
    try (DockerClient pinger = client(host, ssl, Optional.of(PING_TIMEOUT))) {
      Version version = within(ANSWER_DEADLINE, () -> ping(pinger));
      return new DockerEngine(host, client(host, ssl, Optional.of(Duration.ZERO)), version);
    } catch (IOException | RuntimeException e) {
      throw new RuntimeUnavailableException(ConnectFailure.explain(host, tls, e), e);
    }
  }

  /**
   * Connect, ping and version together. The transport's response timeout bounds them on TCP only:
   * on a unix socket the channel ignores SO_TIMEOUT, and an engine that accepts and never answers
   * (a dockerd stopped with SIGSTOP, a daemon deadlocked) held the caller for ever.
   */
  static final Duration ANSWER_DEADLINE = CONNECT_TIMEOUT.plus(PING_TIMEOUT);

  private static Version ping(DockerClient pinger) {
    pinger.pingCmd().exec();
    return pinger.versionCmd().exec();
  }

  /**
   * {@code call} in a daemon thread, given up after {@code deadline} with a {@link
   * SocketTimeoutException} as the transport would have thrown it. A thread given up on stays
   * blocked until the engine answers or the JVM exits; it holds only the pinger's socket.
   */
  private static <T> T within(Duration deadline, Callable<T> call) {
    FutureTask<T> task = new FutureTask<>(call);
    Thread thread = new Thread(task, "optbench-docker-ping");
    thread.setDaemon(true);
    thread.start();
    try {
      return task.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new UncheckedIOException(
          new SocketTimeoutException("no answer within " + deadline.toSeconds() + " s"));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting", e);
    }
  }

  /**
   * One sentence for a local socket with no engine behind it: what is wrong in plain words, and the
   * three ways on (the same words in run, the main job, engines and doctor).
   */
  static String unreachable(String host, Throwable cause) {
    return "No Docker engine answers at "
        + host
        + " ("
        + ConnectFailure.plainReason(cause)
        + "): start dockerd, point DOCKER_HOST or --engine at a running engine, or choose another"
        + " runtime with --runtime cgroup or --runtime process";
  }

  /**
   * {@code ssl} is null for a plain connection, docker-java's own convention for "no TLS". It goes
   * to the transport directly: the config's TLS settings (cert folder, custom SSL) only feed {@code
   * getSSLConfig()}, which we would pass on to the same builder.
   */
  private static DockerClient client(
      String host, SSLConfig ssl, Optional<Duration> responseTimeout) {
    URI uri = URI.create(host);
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(host)
            // TLS is the transport's (above); off here so a DOCKER_TLS_VERIFY in the environment
            // does not make the config look for a DOCKER_CERT_PATH folder it would not use.
            .withDockerTlsVerify(false)
            .build();
    ZerodepDockerHttpClient.Builder http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(uri)
            .sslConfig(ssl)
            .connectionTimeout(CONNECT_TIMEOUT);
    responseTimeout.ifPresent(http::responseTimeout);
    DockerHttpClient httpClient = http.build();
    return DockerClientImpl.getInstance(config, httpClient);
  }

  public DockerClient client() {
    return client;
  }

  public String host() {
    return host;
  }

  /** Engine version, e.g. {@code 20.10.24}. */
  public String version() {
    return version.getVersion();
  }

  public String apiVersion() {
    return version.getApiVersion();
  }

  /**
   * Whether the engine runs on this machine, so its containers' cgroup files are readable under
   * {@code /sys/fs/cgroup} and its PIDs are ours. Only a unix socket proves that.
   */
  public boolean isLocal() {
    return host.startsWith("unix://");
  }

  /**
   * How units on this engine get the top CPU weight, for the runtime line and host.json's
   * protection: on this machine in unit cgroups the cgroup layer makes (every level of them at the
   * top), elsewhere through the API on the container's own cgroup only, so the engine's cgroups
   * above it (docker's parent) keep their default against the host's other tasks.
   */
  public String unitWeight() {
    String api = "cpu-shares " + SandboxHostConfig.TOP_CPU_SHARES;
    return isLocal()
        ? "units at the top CPU weight (in their own cgroups; through the API, "
            + api
            + ", where those cannot be made)"
        : "units at the top CPU weight through the API only ("
            + api
            + " on the container; the engine's cgroups above it keep their default)";
  }

  /** "Docker 20.10.24 (API 1.41) at unix:///..." */
  public String describe() {
    return "Docker " + version() + " (API " + apiVersion() + ") at " + host;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // Closing a client only releases sockets; nothing to report to the user.
    }
  }
}
