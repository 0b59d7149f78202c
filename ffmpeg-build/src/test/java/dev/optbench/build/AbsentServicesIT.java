package dev.optbench.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.testing.AbsentServices;
import dev.optbench.harness.testing.Services;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The variant-image IT without Docker: skipped with the reason, before any build starts. */
class AbsentServicesIT {
  @Test
  void variantImagesAreSkippedWithTheReason() throws Exception {
    List<AbsentServices.Result> results =
        AbsentServices.run("dev.optbench.build.image.VariantImagesIT");

    assertThat(results)
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.status()).as(r.toString()).isIn("SKIPPED", "ABORTED");
              assertThat(r.reason()).contains("Docker engine", Services.HOW);
            });
  }
}
