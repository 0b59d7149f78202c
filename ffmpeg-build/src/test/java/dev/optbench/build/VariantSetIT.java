package dev.optbench.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.build.compile.BuildProgress;
import dev.optbench.build.compile.ConsoleBuildProgress;
import dev.optbench.build.manifest.BuildManifest;
import dev.optbench.build.manifest.Manifests;
import dev.optbench.build.source.DebianSource;
import dev.optbench.build.spec.Profile;
import dev.optbench.build.spec.VariantSpecs;
import dev.optbench.harness.cache.CacheDir;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real builds of the minimal profile at -O0 and -O2 from Debian's source package. Uses the shared
 * cache (OPTBENCH_CACHE), so a rerun reuses them.
 */
class VariantSetIT {
  @Test
  void buildsO0AndO2WithProvenAndCheckedFlags() {
    BuildProgress progress = new ConsoleBuildProgress(System.out);
    VariantSet set =
        new VariantSet(CacheDir.resolve(), Runtime.getRuntime().availableProcessors(), progress);
    VariantSet.Result r =
        set.build(
            List.of(
                VariantSpecs.fromCli("O0", Profile.MINIMAL),
                VariantSpecs.fromCli("O2", Profile.MINIMAL)),
            new DebianSource());

    assertThat(r.reference()).isEqualTo("O0");
    for (BuildManifest m : r.manifests()) {
      String level = "-" + m.variant();
      assertThat(m.provenance().requestedOptLevel()).isEqualTo(level);
      assertThat(m.provenance().effectiveOptLevels()).containsExactly(level);
      assertThat(m.provenance().addedByConfigure()).contains("-fno-tree-vectorize");
      assertThat(m.components().get("filter")).contains("boxblur", "testsrc2", "mandelbrot");
      assertThat(m.components().get("decoder")).contains("eac3");
      assertThat(m.binary().sections().text()).isPositive();
      assertThat(m.functionalCheck().reference()).isEqualTo("O0");
      assertThat(m.functionalCheck().equalToReference()).hasSize(6);
      // FFmpeg's own tests without samples: all that ran passed (measured: ~790 listed, 1 not
      // run because FATE's makefiles want fate-lavf-flv for api-seek), none timed out.
      BuildManifest.Fate fate = m.fate();
      System.out.println(m.variant() + " FATE: " + fate);
      assertThat(fate.timedOut()).isFalse();
      assertThat(fate.listed()).isGreaterThan(700);
      assertThat(fate.failedTests()).isEmpty();
      assertThat(fate.passed()).isGreaterThan(fate.listed() - 5);
      // One reference, the same in the cache's manifest as in the returned copy.
      assertThat(Manifests.read(r.variants().get(r.manifests().indexOf(m)).dir())).isEqualTo(m);
    }
    // -O2 code differs from -O0 code: the binaries must not be the same.
    assertThat(r.manifests().get(0).binary().sha256())
        .isNotEqualTo(r.manifests().get(1).binary().sha256());
    assertThat(r.manifests().get(0).binary().sections().text())
        .isGreaterThan(r.manifests().get(1).binary().sections().text());

    // Second run: every variant from the cache.
    VariantSet.Result again =
        set.build(
            List.of(
                VariantSpecs.fromCli("O0", Profile.MINIMAL),
                VariantSpecs.fromCli("O2", Profile.MINIMAL)),
            new DebianSource());
    assertThat(again.variants()).allMatch(v -> v.cached());
  }
}
