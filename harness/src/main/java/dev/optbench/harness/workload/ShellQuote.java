package dev.optbench.harness.workload;

import java.util.List;
import java.util.stream.Collectors;

/** POSIX shell quoting for the replay script: everything in single quotes, ' as '\''. */
public final class ShellQuote {
  private ShellQuote() {}

  public static String quote(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  /** argv with argv[0] replaced by {@code "$FFMPEG"} and every argument quoted. */
  static String ffmpegLine(List<String> argv) {
    return "\"$FFMPEG\" "
        + argv.subList(1, argv.size()).stream()
            .map(ShellQuote::quote)
            .collect(Collectors.joining(" "));
  }
}
