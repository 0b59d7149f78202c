package dev.optbench.harness.workload;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders {@link MediaSource}s into files under {@code <root>/inputs/} once, with the reference
 * binary (lossless, bit-exact), for {@link InputMode#FILES}. A file is written under a temporary
 * name and moved into place, so a half-written input is never used.
 */
public final class MediaLibrary {
  private final Path binary;
  private final Path root;

  public MediaLibrary(Path binary, Path root) {
    this.binary = binary;
    this.root = root;
  }

  /** The directory holding {@code inputs/}; link or copy it into a command's work dir. */
  public Path root() {
    return root;
  }

  /** Makes sure the file for {@code source} exists; returns its absolute path. */
  public Path ensure(MediaSource source) {
    return ensure(source.file(), source.materialiseArgv());
  }

  /**
   * Makes sure {@code file} (relative to the root, as a workload's inputs list it) exists, made by
   * {@code materialiseArgv} (argv[0] the "ffmpeg" placeholder, the last argument the output).
   */
  public Path ensure(String file, List<String> materialiseArgv) {
    Path target = root.resolve(WorkDirPaths.requireInside(file));
    if (Files.isRegularFile(target)) {
      return target;
    }
    try {
      Files.createDirectories(target.getParent());
      String partial = file.replace(".mkv", ".partial.mkv");
      List<String> argv = new ArrayList<>(materialiseArgv);
      argv.set(0, binary.toString());
      argv.set(argv.size() - 1, partial);
      Process p =
          new ProcessBuilder(argv)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("rendering " + file + " failed: " + argv + "\n" + log);
      }
      Files.move(root.resolve(partial), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + file + " in " + root, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted rendering " + file, e);
    }
  }
}
