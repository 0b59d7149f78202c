package dev.optbench.benchmarks.job;

import java.nio.file.Path;

/** Another "run" for RunLockTest: holds the lock in {@code args[0]} until its stdin closes. */
public final class RunLockHolderMain {
  private RunLockHolderMain() {}

  public static void main(String[] args) throws Exception {
    RunLock.hold(Path.of(args[0]), args[1], Path.of(args[2]));
    System.out.println("held");
    System.out.flush();
    System.in.read();
  }
}
