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
}
