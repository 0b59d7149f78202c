package dev.optbench.build.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** Small ffmpeg-shaped tarballs made in the test, so no test depends on the network. */
final class SourceFixtures {
  private SourceFixtures() {}

  /** ffmpeg-9.9/{configure (0755), RELEASE, extra entry} as .tar.xz. */
  static Path tarball(Path dir, String extraName) throws IOException {
    Path tar = dir.resolve("ffmpeg-9.9.tar.xz");
    try (OutputStream file = Files.newOutputStream(tar);
        XZCompressorOutputStream xz = new XZCompressorOutputStream(file);
        TarArchiveOutputStream out = new TarArchiveOutputStream(xz)) {
      add(out, "ffmpeg-9.9/configure", "#!/bin/sh\necho configured\n", 0755);
      add(out, "ffmpeg-9.9/RELEASE", "9.9\n", 0644);
      // Incompressible filler, so truncating the file cuts real content.
      StringBuilder filler = new StringBuilder();
      java.util.Random r = new java.util.Random(1);
      for (int i = 0; i < 20000; i++) {
        filler.append((char) ('a' + r.nextInt(26)));
      }
      add(out, extraName, filler.toString(), 0644);
    }
    return tar;
  }

  private static void add(TarArchiveOutputStream out, String name, String content, int mode)
      throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(bytes.length);
    e.setMode(mode);
    out.putArchiveEntry(e);
    out.write(bytes);
    out.closeArchiveEntry();
  }
}
