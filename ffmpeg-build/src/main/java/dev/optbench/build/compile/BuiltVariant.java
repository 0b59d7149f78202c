package dev.optbench.build.compile;

import dev.optbench.build.manifest.BuildManifest;
import java.nio.file.Path;

/**
 * A finished variant in the cache.
 *
 * @param dir the variant folder: {@code bin/ffmpeg}, {@code bin/optbench-exec}, {@code
 *     variant.json}, {@code build.log}
 * @param manifest its manifest
 * @param cached whether it came from the cache rather than a build just now
 */
public record BuiltVariant(Path dir, BuildManifest manifest, boolean cached) {
  public Path binDir() {
    return dir.resolve("bin");
  }

  public Path ffmpeg() {
    return binDir().resolve("ffmpeg");
  }
}
