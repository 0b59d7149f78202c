package dev.optbench.harness.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What goes into one variant image: the program (copied to {@code /bin/<programName>}) and the
 * optbench-exec helper (copied to {@code /bin/optbench-exec}). Both must be static: the image is
 * {@code FROM scratch}, it has no libc.
 *
 * @param variant variant name, e.g. {@code O2}; becomes the image repository {@code optbench/o2}
 * @param manifestDigest SHA-256 of the variant's build manifest, recorded as a label
 * @param programName file name under {@code /bin}, e.g. {@code ffmpeg}
 * @param program host path of the static program binary
 * @param execHelper host path of the static optbench-exec binary
 */
public record ImageRequest(
    String variant, String manifestDigest, String programName, Path program, Path execHelper) {
  private static final Pattern PROGRAM_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  public ImageRequest {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(manifestDigest, "manifestDigest");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(execHelper, "execHelper");
    if (!PROGRAM_NAME.matcher(programName).matches()
        || programName.startsWith(".")
        || programName.equals("optbench-exec")
        || programName.equals("Dockerfile")) {
      throw new IllegalArgumentException(
          "program name must be a plain file name like 'ffmpeg', got '" + programName + "'");
    }
    if (variant.isBlank()) {
      throw new IllegalArgumentException("variant name is empty");
    }
    for (Path p : new Path[] {program, execHelper}) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException(p + " is not a file; build the variant first");
      }
    }
  }

  /**
   * Docker repository name for the variant: lower case, other characters than {@code [a-z0-9._-]}
   * replaced by '-', since tags like {@code optbench/O2-native} are rejected by the engine.
   */
  public String repository() {
    String name = variant.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    name = name.replaceAll("^[._-]+", "");
    return "optbench/" + (name.isEmpty() ? "variant" : name);
  }
}
