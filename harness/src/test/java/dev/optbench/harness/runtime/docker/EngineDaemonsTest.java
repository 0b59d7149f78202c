package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineDaemonsTest {
  @TempDir Path proc;

  @Test
  void theDaemonsAreFoundByTheirCommandNamesAndNothingElse() throws Exception {
    process(12, "dockerd");
    process(40, "containerd");
    process(7, "containerd-shim"); // containerd-shim-runc-v2, as the kernel cuts it
    process(99, "java");
    process(100, "dockerd-rootless"); // another program, not the daemon
    Files.createDirectories(proc.resolve("self"));

    assertThat(EngineDaemons.onThisHost(proc)).containsExactly(7L, 12L, 40L);
  }

  private void process(int pid, String comm) throws Exception {
    Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
    Files.writeString(dir.resolve("comm"), comm + "\n");
  }
}
