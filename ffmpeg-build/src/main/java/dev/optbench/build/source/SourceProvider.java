package dev.optbench.build.source;

import java.nio.file.Path;

/** Gets ffmpeg's source: from a local path, a URL with a checksum, or Debian. */
public interface SourceProvider {

  /** A line for progress output, e.g. "Debian source package ffmpeg". */
  String describe();

  /**
   * Fetches (or finds in {@code downloads}) and verifies the source.
   *
   * @throws SourceException with a message saying what to do
   */
  SourceArchive fetch(Path downloads);

  /**
   * Says, before any long work, whether {@link #fetch} can work here; may set up what fetching
   * needs (an index), never the source itself. Default: nothing to check ahead.
   *
   * @throws SourceException with a message saying what to do
   */
  default void check(Path downloads) {}
}
