package dev.optbench.build.compile;

import dev.optbench.build.provenance.ElfFile;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Proves that the binary optbench times runs the same machine code as the copy it profiles: their
 * {@code .text} sections must be byte-identical. Instruction counts and per-function profiles of
 * the profiled copy then hold for the measured one.
 */
public final class TextIdentity {
  private TextIdentity() {}

  /** SHA-256 of the binary's {@code .text} bytes. */
  public static String textSha256(Path binary) {
    ElfFile elf = ElfFile.read(binary);
    ElfFile.Section text =
        elf.section(".text")
            .orElseThrow(() -> new IllegalArgumentException(binary + " has no .text section"));
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(elf.contents(text));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns the common {@code .text} hash, or throws if the two differ.
   *
   * @throws BuildFailedException naming both files when the code differs
   */
  public static String require(Path measured, Path profiled) {
    String a = textSha256(measured);
    String b = textSha256(profiled);
    if (!a.equals(b)) {
      throw new BuildFailedException(
          "the .text of "
              + measured
              + " differs from the profiled copy "
              + profiled
              + " (sha256 "
              + a.substring(0, 12)
              + " vs "
              + b.substring(0, 12)
              + "): profiles of one would not describe the other");
    }
    return a;
  }
}
