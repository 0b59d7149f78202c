package dev.optbench.harness.workload;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Asks the reference ffmpeg to describe itself ({@code -encoders}, {@code -h encoder=...}). */
final class FfmpegQuery {
  private FfmpegQuery() {}

  /** stdout and stderr of {@code binary -hide_banner args...}; fails unless it exits 0. */
  static String run(Path binary, String... args) {
    List<String> argv = new ArrayList<>(List.of(binary.toString(), "-hide_banner"));
    argv.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(argv)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", argv) + " did not answer in 30 s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", argv) + " exited " + p.exitValue() + "; is it ffmpeg?\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot run the reference ffmpeg "
              + binary
              + " (check the path and that it is executable)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while querying " + binary, e);
    }
  }
}
