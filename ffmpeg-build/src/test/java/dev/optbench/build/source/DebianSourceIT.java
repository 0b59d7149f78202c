package dev.optbench.build.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.build.proc.ProcessRunner;
import dev.optbench.build.util.Hashing;
import dev.optbench.harness.testing.Services;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default source on a machine whose apt knows only binary sources: {@code APT_CONFIG} points
 * apt at a copy of this machine's sources with every deb-src entry taken out (this machine's own
 * /etc/apt may hold one; the test must not lean on it). optbench derives its own deb-src list,
 * fetches the index and the package from the real Debian mirror, and checks the tarball against the
 * .dsc.
 */
class DebianSourceIT {
  @TempDir static Path tmp;
  private static Map<String, String> binaryOnly;

  @BeforeAll
  static void binaryOnlyAptConfig() throws IOException {
    if (!DebianSource.aptPresent()) {
      Services.missing("apt-get (this test needs a Debian or Ubuntu machine)");
    }
    Path etc = Files.createDirectories(tmp.resolve("etc/sources.list.d"));
    Path list = Path.of("/etc/apt/sources.list");
    if (Files.isRegularFile(list)) {
      Files.writeString(
          etc.resolveSibling("sources.list"), withoutDebSrcLines(Files.readString(list)));
    }
    try (Stream<Path> parts = Files.list(Path.of("/etc/apt/sources.list.d"))) {
      for (Path f : parts.toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".list")) {
          Files.writeString(etc.resolve(name), withoutDebSrcLines(Files.readString(f)));
        } else if (name.endsWith(".sources")) {
          Files.writeString(etc.resolve(name), withoutDebSrcStanzas(Files.readString(f)));
        }
      }
    }
    Path conf =
        Files.writeString(
            tmp.resolve("apt.conf"),
            "Dir::Etc::SourceList \""
                + etc.resolveSibling("sources.list")
                + "\";\nDir::Etc::SourceParts \""
                + etc
                + "\";\n");
    binaryOnly = Map.of("APT_CONFIG", conf.toString());
  }

  private static String withoutDebSrcLines(String text) {
    return String.join("\n", text.lines().filter(l -> !l.strip().startsWith("deb-src")).toList());
  }

  private static String withoutDebSrcStanzas(String text) {
    StringBuilder out = new StringBuilder();
    for (String stanza : text.split("\n\\s*\n")) {
      String types =
          stanza.lines().filter(l -> l.startsWith("Types:")).findFirst().orElse("Types:");
      if (List.of(types.substring(6).strip().split("\\s+")).contains("deb")) {
        out.append(stanza.replace(types, "Types: deb")).append("\n\n");
      }
    }
    return out.toString();
  }

  @Test
  void fetchesAndVerifiesTheSourceWithNoDebSrcConfigured() throws Exception {
    ProcessRunner.Result plain =
        ProcessRunner.captureWithEnv(
            List.of("apt-get", "source", "--print-uris", "ffmpeg"),
            tmp,
            binaryOnly,
            Duration.ofMinutes(1));
    assertThat(plain.ok()).as("apt itself has no deb-src here: %s", plain.output()).isFalse();
    assertThat(plain.output()).contains("deb-src");

    Path downloads = tmp.resolve("downloads");
    SourceArchive archive = new DebianSource("ffmpeg", binaryOnly).fetch(downloads);

    assertThat(downloads.resolve("apt/sources.list.d/optbench-deb-src.sources"))
        .content()
        .contains("Types: deb-src");
    try (Stream<Path> lists = Files.list(downloads.resolve("apt/lists"))) {
      assertThat(lists.map(f -> f.getFileName().toString()))
          .as("optbench's own source index")
          .anyMatch(n -> n.contains("_source_Sources"));
    }
    assertThat(archive.path()).isRegularFile().hasParent(downloads.resolve("debian"));
    assertThat(Files.size(archive.path())).as("bytes of ffmpeg's tarball").isGreaterThan(5L << 20);
    assertThat(archive.path().getFileName().toString()).matches("ffmpeg_.*\\.orig\\.tar\\.xz");
    assertThat(archive.sha256()).isEqualTo(Hashing.sha256(archive.path()));
    Path dsc;
    try (Stream<Path> files = Files.list(downloads.resolve("debian"))) {
      dsc = files.filter(f -> f.toString().endsWith(".dsc")).findFirst().orElseThrow();
    }
    assertThat(Files.readString(dsc))
        .as("the .dsc names the tarball's SHA-256")
        .contains(" " + archive.sha256() + " ");
    assertThat(archive.origin()).startsWith("debian:ffmpeg ");

    // A second fetch reuses index and files: no download, same answer, quickly.
    long started = System.nanoTime();
    assertThat(new DebianSource("ffmpeg", binaryOnly).fetch(downloads)).isEqualTo(archive);
    assertThat((System.nanoTime() - started) / 1e9).as("seconds for a warm fetch").isLessThan(20);
  }

  @Test
  void aPackageTheDistributionLacksNamesSourceWithAWorkingExample() {
    Path downloads = tmp.resolve("downloads"); // the index the other test fetched, or fetch it
    assertThatThrownBy(
            () -> new DebianSource("optbench-no-such-package", binaryOnly).check(downloads))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("no source package 'optbench-no-such-package'")
        .hasMessageContaining("--source https://ffmpeg.org/releases/ffmpeg-")
        .hasMessageContaining("--source-sha256 ");
  }
}
