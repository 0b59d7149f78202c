package dev.optbench.harness.runtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitProgramsTest {
  @Test
  void inputsMayNameOnlyTheVariantsPrograms() {
    assertThatCode(() -> UnitPrograms.requireVariantProgram(List.of("ffmpeg", "-version"), "u"))
        .doesNotThrowAnyException();
    for (String program :
        List.of("optbench-exec", "/bin/sh", "sh", "/usr/bin/ffmpeg", "./ffmpeg")) {
      assertThatThrownBy(() -> UnitPrograms.requireVariantProgram(List.of(program), "unit 'a'"))
          .as(program)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "unit 'a' runs '"
                  + program
                  + "'; units may run only the variant's own programs [ffmpeg], named bare (no"
                  + " path, no shell)");
    }
    assertThatThrownBy(() -> UnitPrograms.requireVariantProgram(List.of(), "unit 'a'"))
        .hasMessageContaining("unit 'a' has an empty argv");
  }

  @Test
  void sandboxesRefuseTheHelperAndPaths() {
    assertThatCode(() -> UnitPrograms.requireRunnable(List.of("burner"), "v"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> UnitPrograms.requireRunnable(List.of("optbench-exec", "--"), "v"))
        .isInstanceOf(ProgramNotFoundException.class)
        .hasMessageContaining("optbench's own helper");
    assertThatThrownBy(() -> UnitPrograms.requireRunnable(List.of("/bin/sh"), "v"))
        .isInstanceOf(ProgramNotFoundException.class)
        .hasMessageContaining("not a path");
    assertThatThrownBy(() -> UnitPrograms.requireRunnable(List.of(), "v"))
        .hasMessageContaining("empty argv");
  }
}
