package dev.optbench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.testing.AbsentServices;
import dev.optbench.harness.testing.Services;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness's service-backed ITs on a machine without Docker and InfluxDB: every test is skipped
 * with the reason and the command that fixes it; none errs (no NullPointerException in a tear-down
 * after a skipped set-up). Classes listed are service-backed in every test (DockerEngineIT is not:
 * one of its tests needs no engine).
 */
class AbsentServicesIT {
  private static final List<String> SERVICE_BACKED =
      List.of(
          "dev.optbench.harness.runtime.docker.DockerSandboxIT",
          "dev.optbench.harness.runtime.docker.DockerSandboxContractIT",
          "dev.optbench.harness.runtime.docker.DockerCleanupIT",
          "dev.optbench.harness.runtime.docker.DockerSandboxFallbacksIT",
          "dev.optbench.harness.image.VariantImageBuilderIT",
          "dev.optbench.harness.metrics.sink.InfluxDbSinkIT",
          "dev.optbench.harness.metrics.sink.InfluxDbSinkRestartIT",
          "dev.optbench.harness.metrics.collect.CgroupCollectorIT");

  @Test
  void everyServiceBackedTestIsSkippedWithItsReasonAndNoneErrs() throws Exception {
    List<AbsentServices.Result> results = AbsentServices.run(SERVICE_BACKED);

    assertThat(results)
        .as("failed or erred")
        .filteredOn(r -> r.status().equals("FAILED"))
        .isEmpty();
    assertThat(results)
        .as("passed without the services")
        .noneMatch(r -> r.status().equals("SUCCESSFUL"));
    assertThat(results.stream().map(AbsentServices.Result::testClass).distinct())
        .as("classes with skipped tests")
        .containsExactlyInAnyOrderElementsOf(SERVICE_BACKED);
    assertThat(results)
        .allSatisfy(
            r ->
                assertThat(r.reason())
                    .as(r.testClass() + " " + r.test())
                    .contains("is not available")
                    .contains(Services.HOW));
  }
}
