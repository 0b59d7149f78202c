package dev.optbench.build.compile;

import dev.optbench.build.manifest.CompilerInfo;
import dev.optbench.build.proc.ProcessRunner;
import java.time.Duration;
import java.util.List;

/** Asks a compiler what it is ({@code --version}, {@code -dumpmachine}). */
public final class CompilerProbe {
  private CompilerProbe() {}

  /**
   * @throws BuildFailedException when the compiler does not run
   */
  public static CompilerInfo of(String command) {
    return new CompilerInfo(
        command, firstLine(command, "--version"), firstLine(command, "-dumpmachine"));
  }

  private static String firstLine(String command, String arg) {
    ProcessRunner.Result r =
        ProcessRunner.capture(List.of(command, arg), null, null, Duration.ofSeconds(30));
    if (!r.ok()) {
      throw new BuildFailedException(
          "compiler '" + command + "' does not run (" + arg + "): " + r.output().strip());
    }
    return r.output().strip().lines().findFirst().orElse("");
  }
}
