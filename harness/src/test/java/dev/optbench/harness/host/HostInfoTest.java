package dev.optbench.harness.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optbench.harness.cgroup.CgroupVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostInfoTest {
  @TempDir Path sysfs;

  @Test
  void describesThisHostAndSurvivesJson() throws Exception {
    HostInfo h = HostInfo.collect();
    assertThat(h.logicalCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(h.physicalCores()).isBetween(1, h.logicalCores());
    assertThat(h.memoryBytes()).isPositive();
    assertThat(h.swapBytes()).isNotNegative();
    assertThat(h.kernel()).isEqualTo(System.getProperty("os.version"));
    assertThat(h.cgroupVersion())
        .isEqualTo(CgroupVersion.detect(CgroupVersion.DEFAULT_ROOT).name());
    assertThat(h.machine()).isNotBlank();

    ObjectMapper json = new ObjectMapper();
    String text = json.writeValueAsString(h);
    assertThat(text).contains("\"logicalCores\"").contains("\"governor\"");
    assertThat(json.readValue(text, HostInfo.class)).isEqualTo(h);

    HostReport report = HostReport.of(h);
    String reportJson = json.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    System.out.println(reportJson);
    assertThat(json.readValue(reportJson, HostReport.class)).isEqualTo(report);
  }

  @Test
  void readsTheGovernorsOrSaysUnknown() throws Exception {
    assertThat(Governor.read(sysfs)).isEqualTo(HostInfo.UNKNOWN);
    assertThat(Governor.read(sysfs.resolve("missing"))).isEqualTo(HostInfo.UNKNOWN);
    for (String cpu : new String[] {"cpu0", "cpu1"}) {
      Files.createDirectories(sysfs.resolve(cpu + "/cpufreq"));
      Files.writeString(sysfs.resolve(cpu + "/cpufreq/scaling_governor"), "performance\n");
    }
    Files.createDirectories(sysfs.resolve("cpufreq")); // not a CPU
    assertThat(Governor.read(sysfs)).isEqualTo("performance");
    Files.writeString(sysfs.resolve("cpu1/cpufreq/scaling_governor"), "powersave\n");
    assertThat(Governor.read(sysfs)).isEqualTo("performance,powersave");
  }
}
