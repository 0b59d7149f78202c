package dev.optbench.results.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SeriesTest {
  private static List<LinePoint> read(String text) throws IOException {
    return new LineProtocolReader().read(new BufferedReader(new StringReader(text)));
  }

  @Test
  void parsesTagsEscapesIntegersAndSkipsStringsAndComments() throws IOException {
    List<LinePoint> points =
        read(
            """
            # written by optbench
            cpu_usage_total,variant=O2,container_name=ob\\ 1,unit=scale\\,1080p value=1500i 1000000000

            memory_usage,variant=O3 value=2.5e6,note="hi there",ok=true 2000000000
            """);

    assertThat(points).hasSize(2);
    LinePoint cpu = points.get(0);
    assertThat(cpu.measurement()).isEqualTo("cpu_usage_total");
    assertThat(cpu.tag("container_name")).isEqualTo("ob 1");
    assertThat(cpu.tag("unit")).isEqualTo("scale,1080p");
    assertThat(cpu.value()).isEqualTo(1500.0);
    assertThat(cpu.timestampNanos()).isEqualTo(1_000_000_000L);
    assertThat(points.get(1).fields()).containsOnlyKeys("value");
  }

  @Test
  void reportsTheBadLine() {
    assertThatThrownBy(() -> read("ok value=1 1\nbroken\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 2");
  }

  @Test
  void cpuPercentIsTheNonNegativeDerivativePerContainer() throws IOException {
    // Half a core for 1 s, then a new container whose counter restarts at 0.
    List<LinePoint> points =
        read(
            """
            cpu_usage_total,variant=O2,container_name=a value=0 0
            cpu_usage_total,variant=O2,container_name=a value=500000000 1000000000
            cpu_usage_total,variant=O2,container_name=b value=0 1500000000
            cpu_usage_total,variant=O2,container_name=b value=200000000 2000000000
            """);

    List<ResourceSeries.Point> cpu = ResourceSeries.cpuPercent(points).get("O2");

    assertThat(cpu).hasSize(2);
    assertThat(cpu.get(0).value()).isCloseTo(50.0, Offset.offset(1e-9));
    assertThat(cpu.get(1).seconds()).isEqualTo(2.0);
    assertThat(cpu.get(1).value()).isCloseTo(40.0, Offset.offset(1e-9));
  }

  @Test
  void memoryInMiBWithTimeFromEachVariantsStart() throws IOException {
    List<LinePoint> points =
        read(
            """
            memory_usage,variant=O2 value=1048576 5000000000
            memory_usage,variant=O3 value=2097152 9000000000
            memory_usage,variant=O3 value=3145728 9500000000
            """);

    var mem = ResourceSeries.memoryMiB(points);

    assertThat(mem.get("O2")).containsExactly(new ResourceSeries.Point(0, 1.0));
    assertThat(mem.get("O3"))
        .containsExactly(new ResourceSeries.Point(0, 2.0), new ResourceSeries.Point(0.5, 3.0));
  }
}
