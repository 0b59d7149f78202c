package dev.optbench.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.testing.AbsentServices;
import dev.optbench.harness.testing.Services;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * VariantImagesIT without Docker: its engine test is skipped with the reason before any build
 * starts; its no-engine test runs as it would anywhere. Nothing fails.
 */
class AbsentServicesIT {
  @Test
  void variantImagesAreSkippedWithTheReason() throws Exception {
    List<AbsentServices.Result> results =
        AbsentServices.run(List.of("dev.optbench.build.image.VariantImagesIT"));

    assertThat(results).extracting(AbsentServices.Result::status).doesNotContain("FAILED");
    assertThat(results)
        .filteredOn(r -> r.test().startsWith("eachVariantGetsAnImage"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo("ABORTED");
              assertThat(r.reason()).contains("Docker engine", Services.HOW);
            });
  }
}
