package dev.optbench.harness.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes fake cgroup control files under a temp dir, OSHI style. */
final class FakeTree {
  private final Path root;

  FakeTree(Path root) {
    this.root = root;
  }

  FakeTree file(String path, String content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String read(String path) {
    try {
      return Files.readString(root.resolve(path)).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path path(String path) {
    return root.resolve(path);
  }
}
