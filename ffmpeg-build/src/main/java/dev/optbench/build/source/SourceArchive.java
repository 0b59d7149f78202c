package dev.optbench.build.source;

import java.nio.file.Path;

/**
 * Fetched, verified source: a tarball or an unpacked directory.
 *
 * @param path the tarball, or the directory holding {@code configure}
 * @param sha256 content hash: of the tarball, or of every file of the directory
 * @param origin where it came from, for the manifest ("debian:ffmpeg 7:5.1.9-0+deb12u1")
 */
public record SourceArchive(Path path, String sha256, String origin) {}
