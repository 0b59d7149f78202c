package dev.optbench.build.source;

/** The one wording of a checksum mismatch, used by every provider. */
final class ChecksumMessages {
  private ChecksumMessages() {}

  static String mismatch(String what, String expected, String actual) {
    return "checksum mismatch for "
        + what
        + ": expected SHA-256 "
        + expected
        + ", got "
        + actual
        + ". The file is corrupt, truncated or not the one you meant: download it again, or"
        + " check the checksum you gave.";
  }
}
