package dev.optbench.harness.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Units never run as root on the host: when optbench runs as root, the counted command is started
 * through util-linux's {@code setpriv} as {@code nobody} with no supplementary groups and no new
 * privileges. The pass's work folder is handed to that user first.
 */
final class Unprivileged {
  static final String USER = "nobody";
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  private Unprivileged() {}

  static boolean isRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** {@code argv} as it must be started: prefixed with setpriv when we are root. */
  static List<String> argv(List<String> argv) {
    if (!isRoot()) {
      return argv;
    }
    if (!Files.isExecutable(SETPRIV)) {
      throw new CountFailedException(
          "optbench runs as root and "
              + SETPRIV
              + " (util-linux) is missing, so the instruction"
              + " pass cannot drop to user "
              + USER
              + "; install util-linux or run as a normal"
              + " user");
    }
    List<String> out =
        new ArrayList<>(
            List.of(
                SETPRIV.toString(),
                "--reuid=" + USER,
                "--regid=nogroup",
                "--clear-groups",
                "--no-new-privs",
                "--"));
    out.addAll(argv);
    return out;
  }

  /** Makes {@code dir} writable by the user the command runs as. */
  static void handOver(Path dir) throws IOException {
    if (isRoot()) {
      Files.setOwner(
          dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER));
    }
  }

  static String who() {
    return isRoot() ? "as " + USER + " (dropped from root with setpriv)" : "as the current user";
  }
}
