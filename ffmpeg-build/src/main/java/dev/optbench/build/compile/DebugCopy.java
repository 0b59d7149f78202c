package dev.optbench.build.compile;

import dev.optbench.build.proc.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Splits a link built with -g into the two files a variant keeps: the profiled copy with its DWARF
 * ({@value #PROFILED}: valgrind names inlined functions and source lines from it) and the measured
 * binary without DWARF but with its symbol table ({@code strip --strip-debug}), so the images and
 * the timed runs do not carry tens of MiB of debug info. binutils' strip is the tool for this; it
 * rewrites no allocated section, which {@link TextIdentity} checks afterwards.
 */
final class DebugCopy {
  /** The symbolised copy, relative to the variant folder. */
  static final String PROFILED = "debug/ffmpeg";

  private DebugCopy() {}

  static void split(Path linked, Path measured, Path profiled, Path log) {
    try {
      Files.createDirectories(profiled.getParent());
      Files.copy(
          linked,
          profiled,
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + linked + " to " + profiled, e);
    }
    List<String> argv =
        List.of("strip", "--strip-debug", "-o", measured.toString(), profiled.toString());
    ProcessRunner.Result r = ProcessRunner.logged(argv, null, Map.of(), log, line -> {});
    if (!r.ok()) {
      throw new BuildFailedException(
          "strip --strip-debug failed (exit " + r.exitCode() + "); see " + log);
    }
  }
}
