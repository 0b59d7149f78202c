package dev.optbench.harness.runtime.process;

import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.ProgramNotFoundException;
import dev.optbench.harness.runtime.UnitPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds a unit's program and the exec helper among a variant's host binaries. */
public final class VariantPrograms {
  private VariantPrograms() {}

  /**
   * {@code argv[0]} ("ffmpeg") to the variant's executable. Only bare names are accepted, and never
   * the helper: a unit runs the variant's build, never whatever a path points to.
   */
  public static Path resolve(VariantRef variant, String program) {
    UnitPrograms.requireRunnable(List.of(program), variant.name());
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
   * The helper of this optbench, compiled into {@code cacheDir} once per source version. Not the
   * copy a cached variant build ships for its image: that one may predate options the host runtimes
   * pass (--user), and the cache key of a build does not change with the helper.
   */
  public static Path execHelper(VariantRef variant, Path cacheDir) {
    return ExecHelper.ensureBuilt(cacheDir);
  }
}
