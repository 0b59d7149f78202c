package dev.optbench.build.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts of a Debian source control file (.dsc) needed to verify the upstream tarball. */
record Dsc(String version, Map<String, String> sha256ByFile) {

  static Dsc parse(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new SourceException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String version = "";
    Map<String, String> sums = new LinkedHashMap<>();
    boolean inSums = false;
    for (String line : lines) {
      if (line.startsWith("Version:")) {
        version = line.substring("Version:".length()).strip();
      }
      if (line.startsWith(" ") && inSums) {
        String[] f = line.strip().split("\\s+");
        if (f.length == 3) {
          sums.put(f[2], f[0]);
        }
        continue;
      }
      inSums = line.startsWith("Checksums-Sha256:");
    }
    return new Dsc(version, sums);
  }

  /** The upstream tarball: {@code *.orig.tar.*}, signature files excluded. */
  String upstreamTarball() {
    return sha256ByFile.keySet().stream()
        .filter(f -> f.contains(".orig.tar.") && !f.endsWith(".asc"))
        .findFirst()
        .orElseThrow(() -> new SourceException("the .dsc lists no upstream .orig.tar.* file"));
  }

  String sha256(String fileName) {
    return sha256ByFile.get(fileName);
  }
}
