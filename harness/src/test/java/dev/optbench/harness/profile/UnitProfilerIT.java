package dev.optbench.harness.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.testing.Services;
import dev.optbench.harness.workload.ReferenceFfmpeg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real valgrind on real variants (the cached O0 and O2 builds of recipe 2, which keep {@code
 * debug/ffmpeg}): a 0.5 s single-threaded mpeg4 encode counted twice, once on O0.
 */
class UnitProfilerIT {
  static final List<String> ENCODE =
      List.of(
          "ffmpeg",
          "-nostdin",
          "-nostats", // the progress line follows the wall clock, which callgrind stretches
          "-f",
          "lavfi",
          "-i",
          "testsrc2=duration=0.5:size=320x240:rate=25",
          "-threads",
          "1",
          "-c:v",
          "mpeg4",
          "-f",
          "null",
          "-");

  @TempDir Path tmp;

  private final UnitProfiler profiler =
      new UnitProfiler(new CallgrindCounter(), Duration.ofMinutes(5));

  static Path binDir(String level) {
    Path builds = ReferenceFfmpeg.cacheDir().resolve("builds");
    try (Stream<Path> dirs = Files.isDirectory(builds) ? Files.list(builds) : Stream.empty()) {
      return dirs.filter(d -> d.getFileName().toString().startsWith(level + "-"))
          .filter(d -> Files.isExecutable(d.resolve("debug/ffmpeg")))
          .max(Comparator.comparing(d -> d.toFile().lastModified()))
          .map(d -> d.resolve("bin"))
          .orElseGet(
              () -> {
                Services.missing("a " + level + " variant with debug/ffmpeg (optbench build)");
                return null;
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private InstructionCounter.Count count(String level, String name) throws IOException {
    Path work = Files.createDirectories(Files.createTempDirectory("optbench-it-").resolve("w"));
    work.getParent().toFile().setExecutable(true, false);
    return profiler.profile(binDir(level), List.of(ENCODE), work, tmp.resolve(name), "encode");
  }

  @Test
  void countsRepeatWithinAHundredthOfAPercentAndO0CostsMoreThanTwiceO2() throws Exception {
    InstructionCounter.Count first = count("O2", "a");
    InstructionCounter.Count second = count("O2", "b");
    InstructionCounter.Count o0 = count("O0", "o0");

    double apart =
        Math.abs(first.instructions() - second.instructions()) / (double) first.instructions();
    assertThat(first.instructions()).isGreaterThan(10_000_000L);
    assertThat(apart).isLessThan(1e-4);
    assertThat(o0.instructions() / (double) first.instructions()).isGreaterThan(2.0);
    assertThat(first.where()).contains("callgrind on the host");
    assertThat(tmp.resolve("a/encode.callgrind.out")).isNotEmptyFile();
    assertThat(tmp.resolve("a/encode.collapsed")).isNotEmptyFile();
    assertThat(Files.readString(tmp.resolve("a/encode.functions.tsv"))).contains("main\t");

    // The differential table names functions of the binary's symbol table.
    List<ProfileDiff.Row> diff = ProfileDiff.top(first.profile(), o0.profile(), 10);
    Set<String> symbols = symbols(binDir("O0").resolve("ffmpeg"));
    symbols.addAll(symbols(binDir("O2").resolve("ffmpeg")));
    assertThat(diff).hasSize(10);
    for (ProfileDiff.Row r : diff) {
      String name = r.function().replaceAll(" \\[.*\\]$", "");
      assertThat(symbols).as("symbol of %s", r.function()).contains(name);
    }
    assertThat(diff.get(0).selfChange()).isNotZero();
  }

  /** Function names from nm (binutils), independent of the profile reader. */
  private static Set<String> symbols(Path binary) throws Exception {
    Process p = new ProcessBuilder("nm", "--defined-only", binary.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.lines()
        .map(l -> l.split(" "))
        .filter(f -> f.length == 3)
        .map(f -> f[2])
        .collect(Collectors.toCollection(java.util.HashSet::new));
  }
}
