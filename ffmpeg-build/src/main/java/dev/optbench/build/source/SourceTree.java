package dev.optbench.build.source;

import java.nio.file.Path;

/**
 * An unpacked ffmpeg tree ready for an out-of-tree build.
 *
 * @param root directory holding {@code configure}
 * @param sha256 content hash of what it was made from (part of every build's cache key)
 * @param version ffmpeg's own version (its RELEASE file), e.g. {@code 5.1.9}
 * @param origin where the source came from
 */
public record SourceTree(Path root, String sha256, String version, String origin) {}
