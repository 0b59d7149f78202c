package dev.optbench.build.util;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds programs the way a shell would, without running them. */
public final class Executables {
  private Executables() {}

  /** Whether {@code program} (a bare name looked up on PATH, or a path) can be executed. */
  public static boolean onPath(String program) {
    if (program.contains("/")) {
      return Files.isExecutable(Path.of(program));
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
