package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.harness.runtime.ContainerRuntimeProvider;
import dev.optbench.harness.runtime.RuntimeUnavailableException;
import dev.optbench.harness.testing.Services;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerEngineIT {
  @TempDir Path dir;

  @Test
  void connectsAndReportsTheEngineVersion() {
    try (DockerEngine engine = DockerTestSupport.engine()) {
      assertThat(engine.version()).matches("\\d+\\.\\d+.*");
      assertThat(engine.apiVersion()).matches("1\\.\\d+");
      assertThat(engine.describe()).contains(Services.dockerHost());
      assertThat(engine.isLocal()).isTrue();
    }
  }

  @Test
  void saysWhatToDoWhenNothingAnswers() {
    String host = "unix://" + dir.resolve("no-engine.sock");
    long start = System.nanoTime();
    assertThatThrownBy(() -> DockerEngine.connect(host))
        .isInstanceOf(RuntimeUnavailableException.class)
        .hasMessage(
            "No Docker engine answers at "
                + host
                + " (no such socket): start dockerd, point DOCKER_HOST or --engine at a running"
                + " engine, or choose another runtime with --runtime cgroup or --runtime process");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void givesUpOnASocketThatAcceptsAndNeverAnswers() throws Exception {
    Path socket = dir.resolve("stuck.sock");
    // Bound and listening, never read: the kernel accepts the connection, nothing answers (a
    // dockerd stopped with SIGSTOP looks like this). The response timeout does not hold on a unix
    // socket; this hung for ever before the connect got its own deadline.
    try (ServerSocketChannel stuck = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      stuck.bind(UnixDomainSocketAddress.of(socket));
      long start = System.nanoTime();
      assertThatThrownBy(() -> DockerEngine.connect("unix://" + socket))
          .isInstanceOf(RuntimeUnavailableException.class)
          .hasMessageStartingWith(
              "No Docker engine answers at unix://" + socket + " (no answer in time): ");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(DockerEngine.ANSWER_DEADLINE.plusSeconds(3));
    }
  }

  @Test
  void providerIsFoundByServiceLoaderAndAvailable() {
    DockerTestSupport.engine().close(); // skip/fail like the others when no engine
    ContainerRuntimeProvider docker =
        ServiceLoader.load(ContainerRuntimeProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.name().equals("docker"))
            .findFirst()
            .orElseThrow();
    assertThat(docker.priority()).isEqualTo(300);
    assertThat(docker.availability().available()).isTrue();
    assertThat(docker.availability().reason()).startsWith("Docker ");
    assertThat(docker.create().name()).isEqualTo("docker");
  }
}
