package dev.optbench.benchmarks.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLocalInfluxdTest {
  @TempDir Path dir;

  @Test
  void findsTheBinaryOnPathAsAShellWould() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path influxd = Files.writeString(bin.resolve("influxd"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(influxd, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThat(LocalInfluxd.find("influxd", Map.of("PATH", "/nonexistent:" + bin)))
        .contains(influxd);
    assertThat(LocalInfluxd.find("influxd", Map.of("PATH", dir.resolve("empty").toString())))
        .isEmpty();
    assertThat(LocalInfluxd.find("influxd", Map.of())).isEmpty();
    assertThat(LocalInfluxd.find(influxd.toString(), Map.of())).contains(influxd);
  }

  @Test
  void theConfigBindsLoopbackAndKeepsEverythingInItsFolder() {
    String config = new LocalInfluxd(dir).config(18086, 18088);

    assertThat(config)
        .contains("bind-address = \"127.0.0.1:18088\"")
        .contains("  bind-address = \"127.0.0.1:18086\"")
        .contains("dir = \"" + dir.resolve("meta") + "\"")
        .contains("dir = \"" + dir.resolve("data") + "\"")
        .contains("wal-dir = \"" + dir.resolve("wal") + "\"")
        .contains("reporting-disabled = true");
  }

  @Test
  void aPidFileNamingAnotherProcessIsNotOurs() throws IOException {
    LocalInfluxd local = new LocalInfluxd(dir);
    // This JVM: alive, but not an influxd with this folder's config.
    Files.writeString(local.pidFile(), ProcessHandle.current().pid() + "\n");

    assertThat(local.pid()).isEmpty();
    assertThat(local.stop()).isFalse();
    assertThat(ProcessHandle.current().isAlive()).isTrue();
    assertThat(local.pidFile()).doesNotExist();
  }

  @Test
  void missingSentenceNamesTheImagesAndHowToGetThem() {
    String sentence =
        StackImages.DEFAULT.missingSentence(
            "the Docker engine at unix:///x.sock has no image influxdb:1.8", "influxd");

    assertThat(sentence)
        .startsWith(
            "cannot start the stack: the Docker engine at unix:///x.sock has no image influxdb:1.8"
                + " and no influxd is on PATH; it needs the images influxdb:1.8, ")
        .contains("influxdb:1.8", "grafana/grafana:11.1.0", "gcr.io/cadvisor/cadvisor:v0.47.2")
        .contains("docker load", "apt-get install influxdb")
        .doesNotContain("\n");
  }
}
