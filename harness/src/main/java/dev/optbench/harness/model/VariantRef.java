package dev.optbench.harness.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine needs to know of one built variant: its name, the host folder holding its
 * binaries ({@code ffmpeg}, {@code optbench-exec}), and the Docker image built from them, if any.
 * Produced by the ffmpeg-build module; the engine never needs the build details.
 *
 * @param name variant name, e.g. {@code O2}; used as the {@code variant} tag everywhere
 * @param binDir host folder with the variant's executables
 * @param image Docker image id or tag with the same binaries under {@code /bin}, if built
 * @param manifestDigest SHA-256 of the variant's manifest, recorded with every result
 */
public record VariantRef(String name, Path binDir, Optional<String> image, String manifestDigest) {
  public VariantRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(binDir, "binDir");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(manifestDigest, "manifestDigest");
  }

  /** Host path of one of the variant's executables. */
  public Path executable(String program) {
    return binDir.resolve(program);
  }
}
