package dev.optbench.build.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.build.proc.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ground truth: binaries compiled here by gcc with known flags, and binutils' size(1). */
class RecordedSwitchesTest {
  @TempDir Path dir;

  private Path compile(String name, String... flags) throws Exception {
    Path src = dir.resolve(name + ".c");
    Files.writeString(src, "int g[1000]; int d = 7;\nint main(void) { return g[0] + d; }\n");
    Path out = dir.resolve(name);
    List<String> argv = new java.util.ArrayList<>(List.of("gcc"));
    argv.addAll(List.of(flags));
    argv.addAll(List.of("-o", out.toString(), src.toString()));
    ProcessRunner.Result r = ProcessRunner.capture(argv, dir, null, Duration.ofSeconds(60));
    assertThat(r.ok()).as(r.output()).isTrue();
    return out;
  }

  @Test
  void readsTheSwitchesGccRecorded() throws Exception {
    Path bin = compile("a", "-O2", "-funroll-loops", "-frecord-gcc-switches");
    RecordedSwitches rs = RecordedSwitches.read(bin).orElseThrow();
    assertThat(rs.effectiveOptLevels()).containsExactly("-O2");
    assertThat(rs.allSwitches()).contains("-O2", "-funroll-loops");
  }

  @Test
  void lastOptLevelWinsAndAbsentSectionIsEmpty() throws Exception {
    Path bin = compile("b", "-O3", "-Os", "-frecord-gcc-switches");
    assertThat(RecordedSwitches.read(bin).orElseThrow().effectiveOptLevels())
        .containsExactly("-Os");
    assertThat(RecordedSwitches.read(compile("c", "-O2"))).isEmpty();
  }

  @Test
  void parsesBothRecordingFormats() {
    RecordedSwitches modern =
        RecordedSwitches.parse(
            List.of("GNU C11 12.2.0 -mtune=generic -O2 -std=c11", "GNU C11 12.2.0 -O3"));
    assertThat(modern.effectiveOptLevels()).containsExactly("-O2", "-O3");
    RecordedSwitches noLevel = RecordedSwitches.parse(List.of("GNU C17 12.2.0 -mtune=generic"));
    assertThat(noLevel.effectiveOptLevels()).containsExactly("-O0");
  }

  @Test
  void sectionSizesMatchBinutilsSize() throws Exception {
    Path bin = compile("d", "-O2");
    SectionSizes sizes = ElfFile.read(bin).sizes();
    ProcessRunner.Result r =
        ProcessRunner.capture(
            List.of("size", "-B", bin.toString()), dir, null, Duration.ofSeconds(30));
    String[] cols = r.output().lines().skip(1).findFirst().orElseThrow().trim().split("\\s+");
    assertThat(sizes.text()).isEqualTo(Long.parseLong(cols[0]));
    assertThat(sizes.data()).isEqualTo(Long.parseLong(cols[1]));
    assertThat(sizes.bss()).isEqualTo(Long.parseLong(cols[2]));
    assertThat(sizes.bss()).isGreaterThanOrEqualTo(4000); // int g[1000]
  }
}
