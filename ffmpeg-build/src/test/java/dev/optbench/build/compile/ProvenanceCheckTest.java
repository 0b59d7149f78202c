package dev.optbench.build.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.build.manifest.BuildManifest;
import dev.optbench.build.proc.ProcessRunner;
import dev.optbench.build.spec.Profile;
import dev.optbench.build.spec.VariantSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The predecessor's failure mode: a variant that says -O2 but was compiled otherwise. Real gcc
 * builds the binaries; the check must catch the mismatch from the binary alone.
 */
class ProvenanceCheckTest {
  @TempDir Path dir;

  private Path compile(String... flags) throws Exception {
    Path src = dir.resolve("m.c");
    Files.writeString(src, "int main(void) { return 0; }\n");
    Path out = dir.resolve("m" + flags.length + String.join("", flags).hashCode());
    List<String> argv = new ArrayList<>(List.of("gcc"));
    argv.addAll(List.of(flags));
    argv.addAll(List.of("-o", out.toString(), src.toString()));
    assertThat(ProcessRunner.capture(argv, dir, null, Duration.ofSeconds(60)).ok()).isTrue();
    return out;
  }

  private static VariantSpec spec(String level, String... cflags) {
    return new VariantSpec(
        "v", "gcc", List.of(level), List.of(cflags), List.of(), false, Profile.MINIMAL);
  }

  @Test
  void acceptsWhatWasAskedAndRecordsWhatWasAdded() throws Exception {
    Path bin = compile("-O2", "-funroll-loops", "-fno-math-errno", "-frecord-gcc-switches");
    BuildManifest.Provenance p = ProvenanceCheck.verify(spec("-O2", "-funroll-loops"), bin, dir);
    assertThat(p.effectiveOptLevels()).containsExactly("-O2");
    assertThat(p.addedByConfigure())
        .contains("-fno-math-errno")
        .doesNotContain("-O2", "-funroll-loops");
  }

  @Test
  void rejectsABinaryBuiltAtAnotherLevel() throws Exception {
    Path bin = compile("-O1", "-frecord-gcc-switches");
    assertThatThrownBy(() -> ProvenanceCheck.verify(spec("-O2"), bin, dir))
        .isInstanceOf(BuildFailedException.class)
        .hasMessageContaining("asked for -O2 but the binary was compiled with [-O1]");
  }

  @Test
  void rejectsAFlagThatNeverReachedTheCompiler() throws Exception {
    Path bin = compile("-O2", "-frecord-gcc-switches");
    assertThatThrownBy(() -> ProvenanceCheck.verify(spec("-O2", "-funroll-loops"), bin, dir))
        .hasMessageContaining("[-funroll-loops] did not reach the compiler");
  }

  @Test
  void rejectsABinaryWithoutRecordedSwitches() throws Exception {
    Path bin = compile("-O2");
    assertThatThrownBy(() -> ProvenanceCheck.verify(spec("-O2"), bin, dir))
        .hasMessageContaining("records no compiler switches");
  }
}
