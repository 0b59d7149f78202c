package dev.optbench.build.source;

import dev.optbench.build.proc.ProcessRunner;
import dev.optbench.build.util.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's source package ({@code apt-get source --download-only}), the default where apt is
 * present: the upstream tarball, checked against the SHA-256 in the package's {@code .dsc} (which
 * apt itself checked against the signed archive index). apt skips files it already has, so later
 * runs download nothing.
 */
public final class DebianSource implements SourceProvider {
  private static final Pattern DSC = Pattern.compile("([A-Za-z0-9.+~_:-]+\\.dsc)");
  private final String sourcePackage;

  public DebianSource(String sourcePackage) {
    this.sourcePackage = sourcePackage;
  }

  public DebianSource() {
    this("ffmpeg");
  }

  /** Whether apt-get exists here at all; whether deb-src is configured shows on fetch. */
  public static boolean aptPresent() {
    return Files.isExecutable(Path.of("/usr/bin/apt-get"));
  }

  @Override
  public String describe() {
    return "Debian source package " + sourcePackage;
  }

  @Override
  public SourceArchive fetch(Path downloads) {
    if (!aptPresent()) {
      throw new SourceException(
          "apt-get is not available, so Debian's source package cannot be used: give --source"
              + " with a local ffmpeg tree or tarball, or a URL with --source-sha256");
    }
    Path dir = downloads.resolve("debian");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProcessRunner.Result r =
        ProcessRunner.capture(
            List.of("apt-get", "source", "--download-only", sourcePackage),
            dir,
            null,
            Duration.ofMinutes(15));
    if (!r.ok()) {
      String hint =
          r.output().contains("deb-src")
              ? "apt has no source index: add a deb-src entry (see README, 'Source code') and run"
                  + " apt-get update"
              : "apt-get failed";
      throw new SourceException(
          hint + "; or give --source PATH|URL.\napt-get said:\n" + r.output().strip());
    }
    Matcher m = DSC.matcher(r.output());
    String dscName = null;
    while (m.find()) {
      dscName = m.group(1);
    }
    if (dscName == null) {
      throw new SourceException("apt-get source did not name a .dsc file:\n" + r.output());
    }
    Dsc dsc = Dsc.parse(dir.resolve(dscName.replaceFirst("^.*:", "")));
    Path tarball = dir.resolve(dsc.upstreamTarball());
    String actual = Hashing.sha256(tarball);
    if (!actual.equals(dsc.sha256(dsc.upstreamTarball()))) {
      throw new SourceException(
          ChecksumMessages.mismatch(tarball.toString(), dsc.sha256(dsc.upstreamTarball()), actual));
    }
    return new SourceArchive(tarball, actual, "debian:" + sourcePackage + " " + dsc.version());
  }
}
