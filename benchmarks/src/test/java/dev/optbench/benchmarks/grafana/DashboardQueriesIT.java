package dev.optbench.benchmarks.grafana;

import static dev.optbench.harness.metrics.MetricSchema.TAG_RUN_ID;
import static dev.optbench.harness.metrics.MetricSchema.TAG_UNIT;
import static dev.optbench.harness.metrics.MetricSchema.TAG_VARIANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.benchmarks.Main;
import dev.optbench.harness.testing.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query of every shipped dashboard, run the way Grafana would run it against an InfluxDB
 * filled by a real {@code optbench run}: a ~2 s ffmpeg encode on the O2 variant in a cgroup v1
 * sandbox, two repetitions (units rep-1 and rep-2), sampled every 100 ms.
 */
class DashboardQueriesIT {
  private static final String VARIANT = "O2";
  private static final double CORES = 1; // the run's cpuset is "0"
  private static final String DB = "grafana_it_" + System.currentTimeMillis();

  @TempDir static Path out;
  private static InfluxDB influx;
  private static String runId;

  @BeforeAll
  static void runOneUnitTwice() {
    String url = Services.influxUrl();
    if (!Files.isWritable(Path.of("/sys/fs/cgroup/memory"))) {
      Services.missing("a writable cgroup v1 memory controller (run as root)");
    }
    int exit =
        Main.commandLine()
            .execute(
                "run",
                "--influx",
                url,
                "--influx-db",
                DB,
                "--runtime",
                "cgroup",
                "--variant",
                VARIANT,
                "--cpuset",
                "0",
                "-n",
                "2",
                "--out",
                out.toString(),
                "--",
                "ffmpeg",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=duration=40:size=640x360:rate=25",
                "-c:v",
                "mpeg4",
                "-f",
                "null",
                "-");
    assertThat(exit).as("optbench run exit code").isZero();
    influx = InfluxDBFactory.connect(url);
    List<String> runs = tagValues(TemplateVariable.all().get(0).query());
    assertThat(runs).as("run ids in a fresh database").hasSize(1);
    runId = runs.get(0);
  }

  @AfterAll
  static void dropDatabase() {
    if (influx != null) {
      influx.query(new Query("DROP DATABASE \"" + DB + "\""));
      influx.close();
    }
  }

  @Test
  void templateVariablesListTheRunsValues() {
    List<TemplateVariable> vars = TemplateVariable.all();
    assertThat(tagValues(grafana(vars.get(1).query()))).containsExactly(VARIANT);
    assertThat(tagValues(grafana(vars.get(2).query()))).containsExactly("rep-1", "rep-2");
  }

  @Test
  void everyPanelQueryReturnsPlausibleSeries() {
    List<String> checked = new ArrayList<>();
    for (Dashboard d : OptbenchDashboards.all()) {
      boolean perUnit = d.uid().equals("optbench-units");
      for (Panel p : d.panels()) {
        for (int i = 0; i < p.queries().size(); i++) {
          String sql = grafana(p.queries().get(i).influxQl());
          String what = d.uid() + " / " + p.title() + " #" + i + ": " + sql;
          List<QueryResult.Series> series = run(sql);
          assertThat(series).as(what).isNotEmpty();
          double max = 0;
          for (QueryResult.Series s : series) {
            Map<String, String> tags = s.getTags();
            assertThat(tags).as(what).containsEntry(TAG_VARIANT, VARIANT);
            if (perUnit) {
              assertThat(tags).as(what).containsEntry(TAG_RUN_ID, runId);
              assertThat(tags.get(TAG_UNIT)).as(what).isIn("rep-1", "rep-2");
            }
            for (List<Object> row : s.getValues()) {
              double v = ((Number) row.get(1)).doubleValue();
              assertThat(v).as(what).isGreaterThanOrEqualTo(0);
              if (p.unit().equals("percent")) {
                assertThat(v).as(what).isLessThanOrEqualTo(100 * CORES + 25);
              }
              max = Math.max(max, v);
            }
          }
          // Block I/O stays 0 for buffered I/O on cgroup v1, page cache may too; the rest moved.
          boolean mayBeZero = p.unit().equals("Bps") || i > 0;
          if (!mayBeZero) {
            assertThat(max).as(what + " largest value").isPositive();
          }
          checked.add(what);
        }
      }
    }
    assertThat(checked).hasSizeGreaterThan(10);
  }

  /** What Grafana sends: macros filled, multi-value selections as regex alternations. */
  private static String grafana(String query) {
    return query
        .replace("$timeFilter", "time > now() - 1h")
        .replace("$__interval", "1s")
        .replace("$" + TAG_RUN_ID, runId)
        .replace("$" + TAG_VARIANT, VARIANT)
        .replace("$" + TAG_UNIT, "(rep-1|rep-2)")
        .replace("$" + TemplateVariable.CORES, String.valueOf((int) CORES));
  }

  private static List<String> tagValues(String query) {
    List<String> values = new ArrayList<>();
    for (QueryResult.Series s : run(query)) {
      s.getValues().forEach(row -> values.add(String.valueOf(row.get(1))));
    }
    return values;
  }

  private static List<QueryResult.Series> run(String query) {
    QueryResult r = influx.query(new Query(query, DB));
    assertThat(r.getError()).as(query).isNull();
    QueryResult.Result first = r.getResults().get(0);
    assertThat(first.getError()).as(query).isNull();
    return first.getSeries() == null ? List.of() : first.getSeries();
  }
}
