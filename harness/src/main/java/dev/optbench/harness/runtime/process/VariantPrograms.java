package dev.optbench.harness.runtime.process;

import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.ProgramNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a unit's program and the exec helper among a variant's host binaries. */
public final class VariantPrograms {
  private VariantPrograms() {}

  /**
   * {@code argv[0]} ("ffmpeg") to the variant's executable. Only bare names are accepted: a unit
   * runs the variant's build, never whatever a path points to.
   */
  public static Path resolve(VariantRef variant, String program) {
    if (program.isEmpty() || program.contains("/")) {
      throw new ProgramNotFoundException(
          "argv[0] must name a program of variant "
              + variant.name()
              + " (e.g. \"ffmpeg\"), not a path: '"
              + program
              + "'");
    }
    Path path = variant.executable(program);
    if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
      throw new ProgramNotFoundException(
          "variant "
              + variant.name()
              + " has no program '"
              + program
              + "' (looked for an executable "
              + path
              + "); build the variant or fix the unit's argv[0]");
    }
    return path;
  }

  /**
   * The variant's own optbench-exec if it ships one (it is copied next to the binaries for
   * containers), else the helper compiled into {@code cacheDir}.
   */
  public static Path execHelper(VariantRef variant, Path cacheDir) {
    Path shipped = variant.executable(ExecHelper.NAME);
    return Files.isExecutable(shipped) ? shipped : ExecHelper.ensureBuilt(cacheDir);
  }
}
