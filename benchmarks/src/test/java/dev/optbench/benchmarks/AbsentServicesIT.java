package dev.optbench.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.testing.AbsentServices;
import dev.optbench.harness.testing.Services;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The main job's and the dashboards' ITs without Docker and InfluxDB: skipped, with the reason. */
class AbsentServicesIT {
  private static final List<String> SERVICE_BACKED =
      List.of(
          "dev.optbench.benchmarks.job.MainJobIT",
          "dev.optbench.benchmarks.job.MainJobInterruptIT",
          "dev.optbench.benchmarks.job.MainJobFailuresIT",
          "dev.optbench.benchmarks.grafana.DashboardQueriesIT");

  @Test
  void everyServiceBackedTestIsSkippedWithItsReasonAndNoneErrs() throws Exception {
    List<AbsentServices.Result> results = AbsentServices.run(SERVICE_BACKED);

    assertThat(results)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn("SKIPPED", "ABORTED"));
    assertThat(results.stream().map(AbsentServices.Result::testClass).distinct())
        .containsExactlyInAnyOrderElementsOf(SERVICE_BACKED);
    assertThat(results)
        .allSatisfy(r -> assertThat(r.reason()).as(r.toString()).contains(Services.HOW));
  }
}
