package dev.optbench.build.source;

import dev.optbench.build.util.CacheLock;
import dev.optbench.build.util.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Turns a fetched archive into a tree to build from, cached by the archive's content hash under
 * {@code <cache>/sources/<sha256>}: unpacked once into a temp folder, then renamed, so a killed
 * extraction leaves no half tree behind.
 */
public final class SourceTrees {
  private final Path cache;

  public SourceTrees(Path cache) {
    this.cache = cache;
  }

  /** {@link SourceProvider#check} with this cache's download folder: before any long work. */
  public void check(SourceProvider provider) {
    provider.check(downloads());
  }

  private Path downloads() {
    return cache.resolve("downloads");
  }

  @SuppressWarnings("try") // the lock is held for the block's duration, never referenced
  public SourceTree prepare(SourceProvider provider) {
    SourceArchive archive = provider.fetch(downloads());
    if (Files.isDirectory(archive.path())) {
      return tree(archive.path(), archive);
    }
    Path target = cache.resolve("sources").resolve(archive.sha256());
    try (CacheLock lock = CacheLock.acquire(cache.resolve("locks/source-" + archive.sha256()))) {
      if (!Files.isDirectory(target)) {
        Path tmp = cache.resolve("sources").resolve(".tmp-" + archive.sha256());
        FileTrees.deleteRecursively(tmp); // left by an extraction that was killed
        Files.createDirectories(tmp);
        TarballExtractor.extract(archive.path(), tmp);
        FileTrees.publish(tmp, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tree(findConfigure(target, archive), archive);
  }

  private static SourceTree tree(Path root, SourceArchive archive) {
    String version = "unknown";
    try {
      Path release = root.resolve("RELEASE");
      if (Files.isRegularFile(release)) {
        version = Files.readString(release).strip();
      }
    } catch (IOException e) {
      // The version is informative; the hash identifies the source.
    }
    return new SourceTree(root, archive.sha256(), version, archive.origin());
  }

  private static Path findConfigure(Path extracted, SourceArchive archive) {
    if (Files.isRegularFile(extracted.resolve("configure"))) {
      return extracted;
    }
    try (Stream<Path> children = Files.list(extracted)) {
      return children
          .filter(d -> Files.isRegularFile(d.resolve("configure")))
          .findFirst()
          .orElseThrow(
              () ->
                  new SourceException(
                      archive.path() + " holds no ffmpeg tree (no 'configure' at its top)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
