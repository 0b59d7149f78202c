package dev.optbench.harness.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instruction pass runs valgrind as nobody, and valgrind opens the program by path: a root
 * user's cache under /root (mode 700) was out of reach ("valgrind: …/debug/ffmpeg: Permission
 * denied", seen on the default main job run as root, 2026-12-07). Needs root (CI runs as root).
 */
class UnprivilegedTest {
  @TempDir Path tmp;

  @Test
  void aProgramInAFolderOnlyRootEntersIsMadeReachableForNobody() throws Exception {
    assumeTrue(Unprivileged.isRoot(), "needs root: dropping to nobody is what is tested");
    Path cache = Files.createDirectories(tmp.resolve("root-only"));
    Path program = cache.resolve("ffmpeg");
    Files.writeString(program, "#!/bin/sh\necho reached\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
    Path work = Files.createDirectories(tmp.resolve("work"));
    Unprivileged.handOver(work);
    tmp.toFile().setExecutable(true, false);

    assertThat(runAsNobody(program)).as("the cache's own path").doesNotContain("reached");
    Path reachable = Unprivileged.reachable(program, work);
    assertThat(reachable).startsWith(work);
    assertThat(runAsNobody(reachable)).contains("reached");
    assertThat(Files.getPosixFilePermissions(program))
        .as("the cache's file keeps its mode")
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String runAsNobody(Path program) throws Exception {
    Process p =
        new ProcessBuilder(Unprivileged.argv(List.of(program.toString())))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }
}
