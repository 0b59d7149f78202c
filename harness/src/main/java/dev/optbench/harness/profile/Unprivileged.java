package dev.optbench.harness.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

  /**
   * The program as the unprivileged user can open it. valgrind opens the binary by path, after the
   * privileges are dropped (the timed runs' helper opens it while still root and uses fexecve, so
   * they need nothing of the kind); a root user's cache under {@code /root} (mode 700) is out of
   * {@code nobody}'s reach. So, as root, the program is hard-linked into the handed-over work
   * folder (same inode, no copy, when its mode already lets others read and run it; else, or across
   * file systems, a copy made readable and runnable for everyone). Not as root: the program as it
   * is.
   */
  static Path reachable(Path program, Path workDir) throws IOException {
    if (!isRoot()) {
      return program;
    }
    Path dir = Files.createDirectories(workDir.resolve(".optbench-program"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path reachable = dir.resolve(program.getFileName());
    Files.deleteIfExists(reachable);
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(program);
    if (mode.contains(PosixFilePermission.OTHERS_READ)
        && mode.contains(PosixFilePermission.OTHERS_EXECUTE)) {
      try {
        return Files.createLink(reachable, program); // the cache's file keeps its mode
      } catch (IOException | UnsupportedOperationException e) {
        // another file system: copy below
      }
    }
    Files.copy(program, reachable);
    Files.setPosixFilePermissions(reachable, PosixFilePermissions.fromString("r-xr-xr-x"));
    return reachable;
  }

  static String who() {
    return isRoot() ? "as " + USER + " (dropped from root with setpriv)" : "as the current user";
  }
}
