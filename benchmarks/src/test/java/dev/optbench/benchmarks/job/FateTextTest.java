package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.build.manifest.BuildManifest;
import java.util.List;
import org.junit.jupiter.api.Test;

class FateTextTest {
  private static BuildManifest manifest(String variant, BuildManifest.Fate fate) {
    return new BuildManifest(
        1, variant, null, null, null, null, null, null, null, 0, null, null, null, fate);
  }

  @Test
  void countsArePassedFailedSkipped() {
    BuildManifest.Fate fate = new BuildManifest.Fate(795, 794, 0, 1, List.of(), 58.3, 600, false);
    assertThat(FateText.counts(fate)).isEqualTo("794/0/1 in 58 s");
    assertThat(FateText.counts(null)).isEqualTo("not run (older build)");
  }

  @Test
  void failuresAndTheTimeLimitGetALineTestsNotRunForTheConfigurationDoNot() {
    List<String> lines =
        FateText.failures(
            List.of(
                manifest("O2", new BuildManifest.Fate(795, 795, 0, 0, List.of(), 58, 600, false)),
                manifest(
                    "Ofast",
                    new BuildManifest.Fate(
                        795, 700, 2, 93, List.of("fft-float", "swr-x"), 600, 600, true)),
                manifest(
                    "O0", new BuildManifest.Fate(795, 794, 0, 1, List.of(), 196, 600, false))));
    assertThat(lines)
        .containsExactly(
            "[Ofast] FATE: 2 of 702 failed (fft-float, swr-x); 93 of 795 not reached within 600 s"
                + " (--fate-limit)");
  }
}
