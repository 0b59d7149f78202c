package dev.optbench.build.compile;

import dev.optbench.build.proc.ProcessRunner;
import java.time.Duration;
import java.util.List;

/**
 * What the compiler says it is. Part of every cache key: a compiler upgrade is a new build.
 *
 * @param command as given in the spec ({@code gcc})
 * @param version the first line of {@code --version}, e.g. "gcc (Debian 12.2.0-14) 12.2.0"
 * @param target {@code -dumpmachine}, e.g. "x86_64-linux-gnu"
 */
public record CompilerInfo(String command, String version, String target) {

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
