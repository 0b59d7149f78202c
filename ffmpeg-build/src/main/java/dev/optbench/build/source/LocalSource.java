package dev.optbench.build.source;

import dev.optbench.build.util.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A local checkout or tarball. A tarball may come with an expected SHA-256; a directory is hashed
 * file by file (path and content) so that an edit to the checkout is a new cache key.
 */
public final class LocalSource implements SourceProvider {
  private final Path path;
  private final Optional<String> expectedSha256;

  public LocalSource(Path path, Optional<String> expectedSha256) {
    this.path = path.toAbsolutePath().normalize();
    this.expectedSha256 = expectedSha256.map(String::toLowerCase);
  }

  @Override
  public String describe() {
    return "local source " + path;
  }

  @Override
  public void check(Path downloads) {
    if (!Files.exists(path)) {
      throw new SourceException("source not found: " + path + " (give a directory or tarball)");
    }
  }

  @Override
  public SourceArchive fetch(Path downloads) {
    check(downloads);
    if (Files.isDirectory(path)) {
      if (!Files.isRegularFile(path.resolve("configure"))) {
        throw new SourceException(
            path + " has no 'configure' script: point --source at the top of an ffmpeg tree");
      }
      if (Files.exists(path.resolve("config.h"))) {
        throw new SourceException(
            path
                + " was configured in-tree (config.h exists), which makes out-of-tree builds"
                + " impossible: run 'make distclean' there, or use a fresh checkout");
      }
      return new SourceArchive(path, hashTree(path), "local:" + path);
    }
    String sha = Hashing.sha256(path);
    expectedSha256.ifPresent(
        expected -> {
          if (!expected.equals(sha)) {
            throw new SourceException(ChecksumMessages.mismatch(path.toString(), expected, sha));
          }
        });
    return new SourceArchive(path, sha, "local:" + path);
  }

  static String hashTree(Path root) {
    MessageDigest md = Hashing.sha256();
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> sorted =
          files
              .filter(Files::isRegularFile)
              .filter(p -> !root.relativize(p).startsWith(".git"))
              .sorted()
              .toList();
      for (Path file : sorted) {
        md.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Hashing.sha256(file).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read source tree " + root, e);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
