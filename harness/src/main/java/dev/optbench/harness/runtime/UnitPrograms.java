package dev.optbench.harness.runtime;

import dev.optbench.harness.exec.ExecHelper;
import java.util.List;

/**
 * What a unit may run. Workload files are data shared between people and written by programs, so
 * their argv[0] is checked twice: when the workload or {@code run} argv is read (against the
 * programs a variant build provides, before any build) and again by every sandbox (a bare name that
 * is not optbench's own helper, which would run whatever follows it).
 */
public final class UnitPrograms {
  /** The programs a variant build provides, and so the only ones workloads may name. */
  public static final List<String> VARIANT_PROGRAMS = List.of("ffmpeg");

  private UnitPrograms() {}

  /** The input check: argv[0] is one of {@link #VARIANT_PROGRAMS}; says what to fix otherwise. */
  public static void requireVariantProgram(List<String> argv, String where) {
    if (argv == null || argv.isEmpty()) {
      throw new IllegalArgumentException(
          where + " has an empty argv; give the command as a list starting with ffmpeg");
    }
    String program = argv.get(0);
    if (!VARIANT_PROGRAMS.contains(program)) {
      throw new IllegalArgumentException(
          where
              + " runs '"
              + program
              + "'; units may run only the variant's own programs "
              + VARIANT_PROGRAMS
              + ", named bare (no path, no shell)");
    }
  }

  /**
   * The sandbox's check, for any variant (test variants ship other programs): argv[0] is a bare
   * name and not the helper.
   */
  public static void requireRunnable(List<String> argv, String variant) {
    if (argv == null || argv.isEmpty()) {
      throw new IllegalArgumentException("empty argv: name the program to run, e.g. ffmpeg");
    }
    String program = argv.get(0);
    if (program.isEmpty() || program.contains("/")) {
      throw new ProgramNotFoundException(
          "argv[0] must name a program of variant "
              + variant
              + " (e.g. \"ffmpeg\"), not a path: '"
              + program
              + "'");
    }
    if (program.equals(ExecHelper.NAME)) {
      throw new ProgramNotFoundException(
          "argv[0] '"
              + program
              + "' is optbench's own helper, not a program of variant "
              + variant
              + "; units run the variant's programs, e.g. ffmpeg");
    }
  }
}
