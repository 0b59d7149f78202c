package dev.optbench.build.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.build.util.Hashing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTreesTest {
  @TempDir Path dir;

  @Test
  void extractsOnceKeepingTheExecuteBit() throws Exception {
    Path tar = SourceFixtures.tarball(dir, "ffmpeg-9.9/README");
    Path cache = dir.resolve("cache");
    SourceTree tree =
        new SourceTrees(cache).prepare(new LocalSource(tar, Optional.of(Hashing.sha256(tar))));
    assertThat(tree.version()).isEqualTo("9.9");
    assertThat(tree.sha256()).isEqualTo(Hashing.sha256(tar));
    assertThat(Files.isExecutable(tree.root().resolve("configure"))).isTrue();
    assertThat(tree.root()).startsWith(cache.resolve("sources"));

    // Cached by content hash: a second prepare reuses the tree (our marker survives).
    Files.writeString(tree.root().resolve("marker"), "x");
    SourceTree again = new SourceTrees(cache).prepare(new LocalSource(tar, Optional.empty()));
    assertThat(again.root().resolve("marker")).exists();
  }

  @Test
  void checksumMismatchIsAClearError() throws Exception {
    Path tar = SourceFixtures.tarball(dir, "ffmpeg-9.9/README");
    String wrong = "0".repeat(64);
    assertThatThrownBy(
            () ->
                new SourceTrees(dir.resolve("c")).prepare(new LocalSource(tar, Optional.of(wrong))))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("checksum mismatch")
        .hasMessageContaining(wrong);
  }

  @Test
  void truncatedTarballIsAClearErrorAndLeavesNoTree() throws Exception {
    Path tar = SourceFixtures.tarball(dir, "ffmpeg-9.9/README");
    byte[] bytes = Files.readAllBytes(tar);
    Files.write(tar, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path cache = dir.resolve("c");
    // A killed extraction's half tree, as a run killed mid-way leaves it.
    Path killed = Files.createDirectories(cache.resolve("sources/.tmp-" + Hashing.sha256(tar)));
    Files.writeString(killed.resolve("half"), "x");
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(
              () -> new SourceTrees(cache).prepare(new LocalSource(tar, Optional.empty())))
          .isInstanceOf(SourceException.class)
          .hasMessageContaining("corrupt or truncated")
          .hasMessageNotContaining("(null)");
      try (var entries = Files.list(cache.resolve("sources"))) {
        assertThat(entries).as("no tree, not even a half-extracted one").isEmpty();
      }
    }
  }

  @Test
  void entriesEscapingTheFolderAreRefused() throws Exception {
    Path tar = SourceFixtures.tarball(dir, "../../evil");
    assertThatThrownBy(
            () -> new SourceTrees(dir.resolve("c")).prepare(new LocalSource(tar, Optional.empty())))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("outside its folder");
    assertThat(dir.getParent().resolve("evil")).doesNotExist();
  }

  @Test
  void localDirectoryMustBeAnUnconfiguredTree() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("ff"));
    assertThatThrownBy(() -> new LocalSource(tree, Optional.empty()).fetch(dir))
        .hasMessageContaining("no 'configure' script");
    Files.writeString(tree.resolve("configure"), "#!/bin/sh\n");
    String first = new LocalSource(tree, Optional.empty()).fetch(dir).sha256();
    Files.writeString(tree.resolve("x.c"), "int x;");
    assertThat(new LocalSource(tree, Optional.empty()).fetch(dir).sha256()).isNotEqualTo(first);
    Files.writeString(tree.resolve("config.h"), "");
    assertThatThrownBy(() -> new LocalSource(tree, Optional.empty()).fetch(dir))
        .hasMessageContaining("configured in-tree");
  }
}
