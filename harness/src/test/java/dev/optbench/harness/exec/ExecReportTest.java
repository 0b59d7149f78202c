package dev.optbench.harness.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecReportTest {
  private static final String LINE =
      "{\"wall_ns\":852918573,\"user_us\":284470,\"sys_us\":3896,\"maxrss_kb\":1580,"
          + "\"run_delay_ns\":563954035,\"exit_code\":0,\"signal\":0,\"error\":\"\"}";

  @Test
  void readsTheRunQueueDelayBesideTheOtherFields() {
    ExecReport r =
        ExecReport.fromStderr("ffmpeg says hi\n" + ExecReport.MARKER + LINE + "\n").get();
    assertThat(r.wallNanos()).isEqualTo(852_918_573L);
    assertThat(r.userMicros()).isEqualTo(284_470L);
    assertThat(r.maxRssKib()).isEqualTo(1580);
    assertThat(r.runDelayNanos()).isEqualTo(563_954_035L);
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void aDelayTheKernelDidNotGiveIsUnknownNeverZero() {
    assertThat(ExecReport.parse(LINE.replace("563954035", "-1")).runDelayNanos()).isEqualTo(-1);
    // a helper built before the field existed (an old image) writes no run_delay_ns at all
    String old = LINE.replace("\"run_delay_ns\":563954035,", "");
    assertThat(ExecReport.parse(old).runDelayNanos()).isEqualTo(-1);
    assertThat(ExecReport.parse(old).wallNanos()).isEqualTo(852_918_573L);
  }

  @Test
  void readsTheContainerTotalsOfARemoteEngine() {
    // a line optbench-exec --totals wrote in a container of a namespaced engine (cgroup v1)
    String remote =
        LINE.replace(
            "\"error\":\"\"}",
            "\"error\":\"\",\"cg\":\"v1\",\"cg_cpu_ns\":963565201,\"cg_user_ns\":840000000,"
                + "\"cg_sys_ns\":120000000,\"cg_io_read\":0,\"cg_io_write\":-1,\"cg_oom_kills\":2}");
    ContainerTotals t = ExecReport.parse(remote).containerTotals();
    assertThat(t.present()).isTrue();
    assertThat(t.version()).isEqualTo("v1");
    assertThat(t.cpuNanos()).isEqualTo(963_565_201L);
    assertThat(t.userNanos()).isEqualTo(840_000_000L);
    assertThat(t.systemNanos()).isEqualTo(120_000_000L);
    assertThat(t.ioReadBytes()).isZero();
    assertThat(t.ioWriteBytes()).isEqualTo(-1);
    assertThat(t.oomKills()).isEqualTo(2);
  }

  @Test
  void noTotalsWhenNotAskedForOrUnreadable() {
    assertThat(ExecReport.parse(LINE).containerTotals()).isEqualTo(ContainerTotals.NONE);
    String unreadable =
        LINE.replace(
            "\"error\":\"\"}",
            "\"error\":\"\",\"cg\":\"\",\"cg_cpu_ns\":-1,\"cg_user_ns\":-1,"
                + "\"cg_sys_ns\":-1,\"cg_io_read\":-1,\"cg_io_write\":-1}");
    assertThat(ExecReport.parse(unreadable).containerTotals().present()).isFalse();
  }
}
