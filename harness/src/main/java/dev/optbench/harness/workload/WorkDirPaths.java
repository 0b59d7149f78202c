package dev.optbench.harness.workload;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Generated commands must only touch their work dir: relative paths without "..". */
public final class WorkDirPaths {
  /** ffmpeg options whose value is a file name. */
  private static final Set<String> PATH_OPTIONS = Set.of("-i", "-passlogfile");

  private WorkDirPaths() {}

  public static String requireInside(String path) {
    if (path.isEmpty()
        || path.startsWith("/")
        || path.startsWith("~")
        || path.contains(":")
        || Path.of(path).normalize().startsWith("..")
        || List.of(path.split("/")).contains("..")) {
      throw new IllegalArgumentException(
          "path '" + path + "' leaves the work dir; generated paths must be relative, without ..");
    }
    return path;
  }

  /** Checks argv[0] is the ffmpeg placeholder and every file operand stays inside the work dir. */
  static void requireArgv(List<String> argv) {
    if (argv.isEmpty() || !argv.get(0).equals("ffmpeg")) {
      throw new IllegalArgumentException("argv must start with the placeholder 'ffmpeg': " + argv);
    }
    for (int i = 1; i < argv.size() - 1; i++) {
      if (PATH_OPTIONS.contains(argv.get(i)) && !isLavfiInput(argv, i)) {
        requireInside(argv.get(i + 1));
      }
    }
  }

  private static boolean isLavfiInput(List<String> argv, int optionIndex) {
    return argv.get(optionIndex).equals("-i")
        && optionIndex >= 2
        && argv.get(optionIndex - 2).equals("-f")
        && argv.get(optionIndex - 1).equals("lavfi");
  }
}
