package dev.optbench.results.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunProfilesTest {
  static final Path RUN = Path.of("src/test/resources/profiles/run");

  @Test
  void readsEveryVariantsUnitsWithTheirCountsStacksAndFiles() throws IOException {
    RunProfiles profiles = RunProfiles.read(RUN);

    assertThat(profiles.byVariant().keySet()).containsExactly("O0", "O2");
    assertThat(profiles.byVariant().get("O0").keySet()).containsExactly("u0-transcode", "u1-audio");
    UnitProfile o0 = profiles.get("O0", "u0-transcode").orElseThrow();
    assertThat(o0.functions().total()).isEqualTo(22_536);
    assertThat(o0.functions().get("ff_fdct<8>"))
        .isEqualTo(new FunctionCounts.Counts(12_000, 12_000));
    assertThat(o0.functions().get("operator<<&(a, b)").self()).isEqualTo(500);
    assertThat(o0.stacks()).containsEntry("main;transcode;encode_frame;ff_fdct<8>", 12_000L);
    assertThat(o0.stacks().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(22_536);
    assertThat(o0.files())
        .containsExactly(
            "profiles/O0/u0-transcode.callgrind.out",
            "profiles/O0/u0-transcode.collapsed",
            "profiles/O0/u0-transcode.diff-vs-O2.tsv",
            "profiles/O0/u0-transcode.functions.tsv");
    // u0-transcode.2x starts the same; its files are its own.
    assertThat(profiles.get("O2", "u0-transcode").orElseThrow().files())
        .containsExactly(
            "profiles/O2/u0-transcode.callgrind.out",
            "profiles/O2/u0-transcode.collapsed",
            "profiles/O2/u0-transcode.functions.tsv");
    assertThat(profiles.get("O0", "u1-audio").orElseThrow().stacks()).isEmpty();
  }

  @Test
  void aRunWithoutProfilesHasNone(@TempDir Path dir) throws IOException {
    assertThat(RunProfiles.read(dir)).isSameAs(RunProfiles.NONE);
    assertThat(RunProfiles.NONE.isEmpty()).isTrue();
  }

  @Test
  void aBrokenFileIsNamedInTheError(@TempDir Path dir) throws IOException {
    Path v = Files.createDirectories(dir.resolve("profiles/O2"));
    Files.writeString(v.resolve("u.functions.tsv"), "function\tself\tinclusive\nmain\t1\n");
    assertThatThrownBy(() -> RunProfiles.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("u.functions.tsv:2");

    Files.writeString(v.resolve("u.functions.tsv"), "function\tself\tinclusive\nmain\t1\t1\n");
    Files.writeString(v.resolve("u.collapsed"), "main;f 12x\n");
    assertThatThrownBy(() -> RunProfiles.read(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("u.collapsed:1");
  }

  @Test
  void selfChangesComeLargestFirstAsTheRunFoldersDiffFileOrdersThem() throws IOException {
    RunProfiles p = RunProfiles.read(RUN);
    var rows =
        SelfChanges.top(
            p.get("O2", "u0-transcode").orElseThrow().functions(),
            p.get("O0", "u0-transcode").orElseThrow().functions(),
            4);

    assertThat(rows)
        .extracting(SelfChanges.Row::function)
        .containsExactly("ff_fdct<8>", "decode_frame", "put_bits", "encode_frame");
    assertThat(rows.get(0).selfChange()).isEqualTo(7500);
    assertThat(rows.get(0).selfChangePercent()).isEqualTo(7500 * 100.0 / 4500);
    assertThat(rows.get(2).selfChangePercent()).isNaN(); // not in the baseline: inlined at O2
  }
}
