package dev.optbench.build.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The running distribution, from {@code os-release(5)}: which suites of apt's binary sources are
 * this release's, and which archive to fall back to when apt has none configured.
 *
 * @param id e.g. {@code debian}, {@code ubuntu}
 * @param idLike e.g. {@code ubuntu debian} on Linux Mint
 * @param codename the release's suite name: {@code UBUNTU_CODENAME} where set (derivatives name
 *     their own release in {@code VERSION_CODENAME}), else {@code VERSION_CODENAME}
 */
public record OsRelease(String id, String idLike, String codename) {
  private static final List<Path> FILES =
      List.of(Path.of("/etc/os-release"), Path.of("/usr/lib/os-release"));

  /** This machine's, or an empty one (no id, no codename) where neither file exists. */
  public static OsRelease current() {
    for (Path f : FILES) {
      if (Files.isRegularFile(f)) {
        try {
          return parse(Files.readString(f));
        } catch (IOException e) {
          // try the next one; an unreadable file is the same as none for this purpose
        }
      }
    }
    return new OsRelease("", "", "");
  }

  static OsRelease parse(String text) {
    Map<String, String> v = new HashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        v.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
      }
    }
    String codename = v.getOrDefault("UBUNTU_CODENAME", v.getOrDefault("VERSION_CODENAME", ""));
    return new OsRelease(v.getOrDefault("ID", ""), v.getOrDefault("ID_LIKE", ""), codename);
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && (s.startsWith("\"") || s.startsWith("'"))
        && s.endsWith(s.substring(0, 1))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  /** A release suite or one of its update suites; backports and proposed are left out. */
  boolean ownsSuite(String suite) {
    return !codename.isEmpty()
        && (suite.equals(codename)
            || suite.equals(codename + "-updates")
            || suite.equals(codename + "-security")
            || suite.equals(codename + "/updates"));
  }

  /**
   * The distribution's own archive, for a machine whose apt names no suite of this release (e.g.
   * sources written as {@code stable}). A derivative counts as the first of its {@code ID_LIKE}
   * that optbench knows.
   */
  Optional<AptSources.Entry> defaultArchive() {
    if (codename.isEmpty()) {
      return Optional.empty();
    }
    for (String family : (id + " " + idLike).strip().split("\\s+")) {
      if (family.equals("debian")) {
        return Optional.of(
            new AptSources.Entry(
                "http://deb.debian.org/debian",
                List.of(codename, codename + "-updates"),
                List.of("main"),
                " /usr/share/keyrings/debian-archive-keyring.gpg"));
      }
      if (family.equals("ubuntu")) {
        return Optional.of(
            new AptSources.Entry(
                "http://archive.ubuntu.com/ubuntu",
                List.of(codename, codename + "-updates"),
                List.of("main", "universe"),
                " /usr/share/keyrings/ubuntu-archive-keyring.gpg"));
      }
    }
    return Optional.empty();
  }
}
