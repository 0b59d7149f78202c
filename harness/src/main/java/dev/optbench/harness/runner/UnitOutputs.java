package dev.optbench.harness.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What one unit produced, as SHA-256 digests: every regular file it left in its work folder (by
 * relative path, sorted; the shared {@code inputs/} folder excluded) and its standard output. Two
 * variants computed the same when their {@code UnitOutputs} are equal. Standard output is known
 * only by the tail the sandbox keeps ({@link dev.optbench.harness.runtime.Execution#stdoutTail}, 8
 * KiB for processes, 64 KiB in Docker): a command whose output matters should write it to a file.
 *
 * @param files relative path to the file's SHA-256
 * @param stdout SHA-256 of the kept standard output of the unit's last step
 */
public record UnitOutputs(Map<String, String> files, String stdout) {
  /** The folder of shared input media, linked into every work folder: not an output. */
  public static final String INPUTS = "inputs";

  public UnitOutputs {
    files = Collections.unmodifiableMap(new TreeMap<>(files)); // sorted: stable JSON
  }

  /** Digests {@code workDir} after {@code result}'s unit ran there. */
  public static UnitOutputs of(Path workDir, UnitResult result) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(workDir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String rel = workDir.relativize(p).toString();
        if (!rel.equals(INPUTS) && !rel.startsWith(INPUTS + "/")) {
          files.put(rel, digest(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the outputs in " + workDir, e);
    }
    return new UnitOutputs(
        files, hex(sha256().digest(result.last().stdoutTail().getBytes(StandardCharsets.UTF_8))));
  }

  private static String digest(Path file) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return hex(md.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
