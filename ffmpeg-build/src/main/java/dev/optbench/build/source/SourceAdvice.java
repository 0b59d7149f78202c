package dev.optbench.build.source;

/** The one wording of "the default source cannot be used here", with a --source that works. */
final class SourceAdvice {
  /**
   * ffmpeg's own release tarball of the version Debian 12 ships. Its SHA-256 is the one in Debian's
   * {@code ffmpeg_5.1.9-0+deb12u1.dsc} for {@code ffmpeg_5.1.9.orig.tar.xz}, which carries
   * upstream's signature ({@code .orig.tar.xz.asc}) and so is byte for byte the upstream tarball.
   */
  static final String EXAMPLE =
      "--source https://ffmpeg.org/releases/ffmpeg-5.1.9.tar.xz --source-sha256"
          + " d9b593bb2ba93d4b50f74177e0cdcd41747e708596367deed0c30348a71dd176";

  private SourceAdvice() {}

  /**
   * @param why what failed, as a clause
   * @param toolOutput what apt printed, appended (last lines) when not blank
   */
  static String cannotUse(String why, String toolOutput) {
    String tail = tail(toolOutput, 8);
    return "Debian's ffmpeg source package cannot be used: "
        + why
        + ". Give the source yourself, e.g. "
        + EXAMPLE
        + " (or --source /path/to/ffmpeg, a tree or tarball)."
        + (tail.isEmpty() ? "" : "\napt said:\n" + tail);
  }

  private static String tail(String text, int lines) {
    String[] all = text.strip().split("\n");
    if (text.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
      out.append(out.length() == 0 ? "" : "\n").append(all[i]);
    }
    return out.toString();
  }
}
