package dev.optbench.harness.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A callgrind.out written by hand after valgrind's format specification: name compression, two
 * position columns, inlined code (fi=), a call whose cost belongs to the callee, and a static
 * function name that two files define.
 */
class CallgrindFileTest {
  @TempDir Path dir;

  static final String FILE =
      String.join(
          "\n",
          "# callgrind format",
          "version: 1",
          "positions: instr line",
          "events: Ir Dr",
          "summary: 950 77",
          "",
          "ob=(1) /bin/ffmpeg",
          "fl=(1) /src/main.c",
          "fn=(1) main",
          "0x10 3 100 5",
          "fi=(2) /src/inline.h",
          "+2 4 50",
          "fe=(1)",
          "cfl=(3) /src/a.c",
          "cfn=(2) init",
          "calls=1 0x40 10",
          "0x12 5 600",
          "cfl=(4) /src/b.c",
          "cfn=(3) init",
          "calls=2 0x80 10",
          "* * 200",
          "",
          "fl=(3)",
          "fn=(2)",
          "0x40 10 750",
          "",
          "fl=(4)",
          "fn=(3)",
          "0x80 10 50",
          "cfl=(3)",
          "cfn=(2)",
          "calls=1 0x40 10",
          "0x81 11 150",
          "");

  @Test
  void selfInclusiveAndCallsPerFunction() throws Exception {
    Path f = dir.resolve("callgrind.out");
    Files.writeString(f, FILE);
    FunctionProfile p = CallgrindFile.read(f);
    assertThat(p.total()).isEqualTo(950);
    assertThat(p.self())
        .containsEntry("main", 150L)
        .containsEntry("init [a.c]", 750L)
        .containsEntry("init [b.c]", 50L);
    assertThat(p.inclusive()).containsEntry("main", 950L).containsEntry("init [b.c]", 200L);
    assertThat(p.calls().get("main")).isEqualTo(Map.of("init [a.c]", 600L, "init [b.c]", 200L));
    assertThat(p.calls().get("init [b.c]")).isEqualTo(Map.of("init [a.c]", 150L));
  }

  @Test
  void foldedStacksSumToTheRunsInstructions() throws Exception {
    Path f = dir.resolve("callgrind.out");
    Files.writeString(f, FILE);
    Map<String, Long> stacks = CollapsedStacks.of(CallgrindFile.read(f));
    // 750 instructions of init [a.c]: 600 on calls from main, 150 through init [b.c]
    assertThat(stacks)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "main", 150L,
                "main;init_[a.c]", 600L,
                "main;init_[b.c]", 50L,
                "main;init_[b.c];init_[a.c]", 150L));
    assertThat(stacks.values().stream().mapToLong(x -> x).sum()).isEqualTo(950L);
  }
}
