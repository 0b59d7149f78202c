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
  void aZombieOwnerIsDead() throws Exception {
    // sh starts a short sleep, then becomes a long sleep that never reaps it: a zombie
    Process parent =
        new ProcessBuilder("sh", "-c", "sleep 0.1 & echo $!; exec sleep 10")
            .redirectErrorStream(true)
            .start();
    try {
      long zombie =
          Long.parseLong(
              new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream()))
                  .readLine()
                  .trim());
      OwnerProcess owner = OwnerProcess.of(ProcessHandle.of(zombie).orElseThrow());
      for (int i = 0; i < 100 && !OwnerProcess.exited(zombie); i++) {
        Thread.sleep(50);
      }
      assertThat(OwnerProcess.exited(zombie)).as("the sleep ended, unreaped").isTrue();
      assertThat(ProcessHandle.of(zombie).map(ProcessHandle::isAlive))
          .as("what the JDK says of it")
          .contains(true);
      assertThat(owner.alive()).isFalse();
    } finally {
      parent.destroyForcibly();
    }
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
