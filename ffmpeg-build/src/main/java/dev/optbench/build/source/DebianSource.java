package dev.optbench.build.source;

import dev.optbench.build.proc.ProcessRunner;
import dev.optbench.build.util.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's (or Ubuntu's) source package, the default where apt is present: {@code apt-get source
 * --download-only} through optbench's own apt configuration ({@link PrivateApt}, under {@code
 * <downloads>/apt}), so a machine whose apt has only binary sources needs no set-up. The upstream
 * tarball is checked against the SHA-256 in the package's {@code .dsc}, which apt itself checked
 * against the signed archive index. apt skips files it already has, so later runs download nothing.
 */
public final class DebianSource implements SourceProvider {
  private static final Pattern DSC = Pattern.compile("([A-Za-z0-9.+~_:-]+\\.dsc)");
  private final String sourcePackage;
  private final Map<String, String> aptEnv;

  /**
   * @param aptEnv added to apt's environment, e.g. {@code APT_CONFIG} for another configuration
   */
  public DebianSource(String sourcePackage, Map<String, String> aptEnv) {
    this.sourcePackage = sourcePackage;
    this.aptEnv = Map.copyOf(aptEnv);
  }

  public DebianSource() {
    this("ffmpeg", Map.of());
  }

  /** Whether apt-get exists here at all; {@link #check} also asks whether it has the package. */
  public static boolean aptPresent() {
    return Files.isExecutable(Path.of("/usr/bin/apt-get"));
  }

  @Override
  public String describe() {
    return "Debian source package " + sourcePackage;
  }

  /**
   * Sets up optbench's apt (fetching its source index the first time, ~15 s) and asks it whether it
   * knows the package, without downloading the package.
   */
  @Override
  public void check(Path downloads) {
    if (!aptPresent()) {
      throw new SourceException(SourceAdvice.cannotUse("apt-get is not installed", ""));
    }
    PrivateApt apt = apt(downloads);
    apt.ensureIndex();
    ProcessRunner.Result r =
        apt.run(null, Duration.ofMinutes(1), "source", "--print-uris", sourcePackage);
    if (!r.ok()) {
      throw new SourceException(
          SourceAdvice.cannotUse(
              "apt finds no source package '"
                  + sourcePackage
                  + "' in the deb-src entries of "
                  + apt.sourcesFile(),
              r.output()));
    }
  }

  @Override
  public SourceArchive fetch(Path downloads) {
    check(downloads);
    Path dir = downloads.resolve("debian");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PrivateApt apt = apt(downloads);
    ProcessRunner.Result r = download(apt, dir);
    if (!r.ok()) {
      apt.refresh(); // the mirror may have replaced the version our index lists
      r = download(apt, dir);
    }
    if (!r.ok()) {
      throw new SourceException(SourceAdvice.cannotUse("apt-get source failed", r.output()));
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

  private ProcessRunner.Result download(PrivateApt apt, Path dir) {
    return apt.run(dir, Duration.ofMinutes(15), "source", "--download-only", sourcePackage);
  }

  private PrivateApt apt(Path downloads) {
    return new PrivateApt(downloads.resolve("apt"), aptEnv);
  }
}
