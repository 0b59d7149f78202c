package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second main job on the machine is refused before any long work and told which run holds it;
 * with another JVM holding the lock, as two real runs would.
 */
class RunLockTest {
  @TempDir Path dir;

  @Test
  void aSecondRunIsRefusedWithTheFirstRunsPidAndId() throws Exception {
    Process holder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    RunLockHolderMain.class.getName(),
                    dir.toString(),
                    "run-first",
                    "/tmp/results-first"))
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("held");
      assertThatThrownBy(() -> RunLock.hold(dir, "run-second", dir.resolve("results")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "another optbench run is measuring on this machine (run run-first")
          .hasMessageContaining("pid " + holder.pid())
          .hasMessageContaining("results in /tmp/results-first")
          .hasMessageEndingWith("so wait for it to end");
    } finally {
      holder.getOutputStream().close();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    // The holder is gone: the kernel released its lock, nothing stale remains.
    assertThatCode(() -> RunLock.hold(dir, "run-third", dir.resolve("results")))
        .doesNotThrowAnyException();
    assertThat(Files.readString(dir.resolve("optbench.lock.info"))).contains("run=run-third");
  }

  @Test
  void aPlainJmhRunHoldingJmhsLockIsNamedBeforeAnyBuild() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("jmh"));
    // This JVM takes JMH's lock as JMH does; RunLock's probe from the same JVM must see it held.
    try (FileChannel ch =
            new RandomAccessFile(sub.resolve("jmh.lock").toFile(), "rw").getChannel();
        FileLock lock = ch.lock()) {
      assertThat(lock.isValid()).isTrue();
      assertThatThrownBy(() -> RunLock.hold(sub, "run-x", sub))
          .hasMessageContaining("another JMH benchmark holds " + sub.resolve("jmh.lock"));
    }
  }
}
