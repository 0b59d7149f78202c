package dev.optbench.benchmarks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class StackPortsTest {
  @Test
  void theUsualPortWhenItIsFree() {
    assertThat(Ports.choose(8086, p -> true)).isEqualTo(8086);
  }

  @Test
  void anotherFreePortWhenTheUsualOneIsTaken() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int usual = taken.getLocalPort();

      assertThat(Ports.free(usual)).isFalse();
      int chosen = Ports.choose(usual);

      assertThat(chosen).isNotEqualTo(usual).isPositive();
      assertThat(Ports.free(chosen)).isTrue();
    }
  }

  @Test
  void urlsAreLoopbackOnly() {
    assertThat(Ports.url(3000)).isEqualTo("http://127.0.0.1:3000");
    assertThat(Ports.portOf("http://127.0.0.1:18086")).isEqualTo(18086);
    assertThat(Ports.portOf("http://127.0.0.1")).isEqualTo(-1);
  }
}
