package dev.optbench.build.source;

import dev.optbench.build.proc.ProcessRunner;
import dev.optbench.build.util.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's source package ({@code apt-get source --download-only}), the default where apt is
 * present: the upstream tarball, checked against the SHA-256 in the package's {@code .dsc} (which
 * apt itself checked against the signed archive index). apt skips files it already has, so later
 * runs download nothing.
 */
public final class DebianSource implements SourceProvider {
  private static final String NO_APT =
      "apt-get is not available, so Debian's source package cannot be used: give --source"
          + " with a local ffmpeg tree or tarball, or a URL with --source-sha256";
  private static final Pattern DSC = Pattern.compile("([A-Za-z0-9.+~_:-]+\\.dsc)");
  private final String sourcePackage;

  public DebianSource(String sourcePackage) {
    this.sourcePackage = sourcePackage;
  }

  public DebianSource() {
    this("ffmpeg");
  }

  /** Whether apt-get exists here at all; {@link #problem()} also asks whether deb-src is set up. */
  public static boolean aptPresent() {
    return Files.isExecutable(Path.of("/usr/bin/apt-get"));
  }

  /**
   * Whether {@link #fetch} would find the package, asked without downloading anything ({@code
   * apt-get source --print-uris} reads only the local source index).
   *
   * @return empty when apt knows the source package, else what is wrong and what to do
   */
  public Optional<String> problem() {
    if (!aptPresent()) {
      return Optional.of(NO_APT);
    }
    ProcessRunner.Result r = aptGetSource("--print-uris", null, Duration.ofMinutes(1));
    return r.ok() ? Optional.empty() : Optional.of(aptFailed(r));
  }

  private ProcessRunner.Result aptGetSource(String mode, Path dir, Duration timeout) {
    return ProcessRunner.capture(
        List.of("apt-get", "source", mode, sourcePackage), dir, null, timeout);
  }

  /** The same advice for a failed check and a failed download. */
  private static String aptFailed(ProcessRunner.Result r) {
    String hint =
        r.output().contains("deb-src")
            ? "apt has no source index: add a deb-src entry (see README, 'Source code') and run"
                + " apt-get update"
            : "apt-get failed";
    return hint + "; or give --source PATH|URL.\napt-get said:\n" + r.output().strip();
  }

  @Override
  public String describe() {
    return "Debian source package " + sourcePackage;
  }

  @Override
  public SourceArchive fetch(Path downloads) {
    if (!aptPresent()) {
      throw new SourceException(NO_APT);
    }
    Path dir = downloads.resolve("debian");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProcessRunner.Result r = aptGetSource("--download-only", dir, Duration.ofMinutes(15));
    if (!r.ok()) {
      throw new SourceException(aptFailed(r));
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
