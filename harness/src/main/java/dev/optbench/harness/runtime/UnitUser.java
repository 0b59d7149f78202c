package dev.optbench.harness.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Who a unit runs as: never root. When optbench runs as root, units drop to {@link #NOBODY}
 * (uid/gid 65534, nobody/nogroup): it exists on every Linux distribution (FROM scratch images need
 * no /etc/passwd for a numeric user), owns no file on the host by convention, and so can write only
 * its own work folder and world-writable places. A dedicated uid would also keep units apart from
 * other daemons that run as nobody, but it would have to be created on every host or risk a uid
 * that is someone's. When optbench runs as an ordinary user, units run as that user ({@link
 * #SELF}): they are already unprivileged, and dropping further needs root.
 */
public record UnitUser(int uid, int gid) {
  public static final UnitUser NOBODY = new UnitUser(65534, 65534);

  /** The null object: the unit keeps the caller's (non-root) identity. */
  public static final UnitUser SELF = new UnitUser(-1, -1);

  /** The user units of this process run as on the host (cgroup and process runtimes). */
  public static UnitUser forHostUnits() {
    return uidOf(Path.of("/proc/self")) == 0 ? NOBODY : SELF;
  }

  /**
   * The user a container's units run as: the owner of the work folder, so outputs belong to them; a
   * root-owned folder is handed to {@link #NOBODY} first, so the container never runs as uid 0.
   */
  public static UnitUser forContainer(Path workDir) {
    int uid = uidOf(workDir);
    if (uid != 0) {
      return new UnitUser(uid, gidOf(workDir));
    }
    NOBODY.own(workDir);
    return NOBODY;
  }

  /** optbench-exec's options that drop the unit to this user before exec. */
  public List<String> helperOptions() {
    return uid < 0 ? List.of() : List.of("--user", uid + ":" + gid);
  }

  /** Docker's {@code --user}. */
  public String spec() {
    return uid + ":" + gid;
  }

  /** Gives the unit its work folder (not recursively: inputs linked into it stay read-only). */
  public void own(Path workDir) {
    if (uid < 0) {
      return;
    }
    try {
      Files.setAttribute(workDir, "unix:uid", uid);
      Files.setAttribute(workDir, "unix:gid", gid);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot hand the work folder "
              + workDir
              + " to uid "
              + uid
              + " (units never run as root)",
          e);
    }
  }

  private static int uidOf(Path path) {
    return attribute(path, "unix:uid");
  }

  private static int gidOf(Path path) {
    return attribute(path, "unix:gid");
  }

  private static int attribute(Path path, String name) {
    try {
      return (Integer) Files.getAttribute(path, name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the owner of " + path, e);
    }
  }
}
