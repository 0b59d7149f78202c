package dev.optbench.harness.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnerProcessTest {

  @Test
  void theKernelsStartTicksAreReadAndAnotherProcessHasOthers() throws Exception {
    OwnerProcess me = OwnerProcess.current();
    assertThat(me.startTicks()).isPositive();
    assertThat(OwnerProcess.startTicks(me.pid())).isEqualTo(me.startTicks());
    Process child = new ProcessBuilder("sleep", "5").start();
    try {
      long childTicks = OwnerProcess.of(child.toHandle()).startTicks();
      assertThat(childTicks).isGreaterThanOrEqualTo(me.startTicks());
      assertThat(OwnerProcess.startTicks(child.pid())).isEqualTo(childTicks);
    } finally {
      child.destroyForcibly();
    }
    assertThat(OwnerProcess.startTicks(9_999_999)).as("no such process").isZero();
  }

  @Test
  void theSameStartTicksAreTheSameProcessWhateverTheWallClockSaid() {
    OwnerProcess me = OwnerProcess.current();
    // Another JVM reading this process while the wall clock had moved: the same ticks, another
    // instant. The ticks decide.
    assertThat(new OwnerProcess(me.bootId(), me.pid(), "2001-01-01T00:00:00Z", me.startTicks()))
        .matches(OwnerProcess::alive);
    assertThat(new OwnerProcess(me.bootId(), me.pid(), me.started(), me.startTicks() + 1))
        .as("another start: the pid was reused")
        .matches(o -> !o.alive());
    assertThat(new OwnerProcess(me.bootId(), me.pid(), me.started()))
        .as("an older record without ticks: the instant decides")
        .matches(OwnerProcess::alive);
    assertThat(new OwnerProcess(me.bootId(), me.pid(), "2001-01-01T00:00:00Z"))
        .matches(o -> !o.alive());
    assertThat(new OwnerProcess("another-boot", me.pid(), me.started(), me.startTicks()))
        .matches(o -> !o.alive());
  }
}
