package dev.optbench.benchmarks.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A missing compiler, without running one (the real link is in DoctorCommandIT). */
class CompilerCheckTest {
  private static final String NONE = "optbench-no-such-cc";

  @Test
  void aMissingRequiredCompilerIsAFailThatSaysWhatToInstall() {
    List<Finding> f = new CompilerCheck(NONE, true).run();

    assertThat(f.get(0).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(f.get(0).line()).contains(NONE + ": not found on PATH").contains("apt-get install");
  }

  @Test
  void aMissingOptionalCompilerIsOnlyMentioned() {
    List<Finding> f = new CompilerCheck(NONE, false).run();

    assertThat(f.get(0).verdict()).isEqualTo(Verdict.OK);
    assertThat(f.get(0).what()).contains("optional");
  }
}
