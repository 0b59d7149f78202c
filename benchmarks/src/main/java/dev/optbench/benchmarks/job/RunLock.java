package dev.optbench.benchmarks.job;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * One measuring main job per machine. A second run is refused before any long work, naming the run
 * that holds the machine, instead of failing after its builds on JMH's lock. Refused rather than
 * run side by side: both would run their units on the same CPUs (cpuset 0 by default) and measure
 * each other, and JMH's lock exists for that reason. {@code -Djmh.ignoreLock} is not used.
 *
 * <p>The lock is {@code <java.io.tmpdir>/optbench.lock}, next to JMH's {@code jmh.lock}, so a
 * different {@code -Djava.io.tmpdir} scopes both alike. The holder's pid, run id, results folder
 * and start time are in {@code optbench.lock.info}, read only to name it. The lock is held until
 * this JVM exits: the main job is the last thing it does, and the kernel releases the lock of a
 * killed JVM, so no stale lock can remain.
 */
final class RunLock {
  private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"));
  private static final java.util.Map<Path, FileLock> HELD = new java.util.HashMap<>();

  private RunLock() {}

  /** Takes the machine for {@code runId}, or throws with one sentence naming the holder. */
  static synchronized void hold(String runId, Path resultsDir) {
    hold(DIR, runId, resultsDir);
  }

  static synchronized void hold(Path dir, String runId, Path resultsDir) {
    Path info = dir.resolve("optbench.lock.info");
    if (!HELD.containsKey(dir)) {
      FileLock lock = tryLock(dir.resolve("optbench.lock"));
      if (lock == null) {
        throw new IllegalStateException(
            "another optbench run is measuring on this machine ("
                + describe(info)
                + "); two runs side by side would measure each other, so wait for it to end");
      }
      HELD.put(dir, lock);
    }
    requireJmhLockFree(dir);
    Properties p = new Properties();
    p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    p.setProperty("run", runId);
    p.setProperty("results", resultsDir.toAbsolutePath().toString());
    p.setProperty("started", Instant.now().toString());
    p.setProperty("user", System.getProperty("user.name"));
    try (var out = Files.newBufferedWriter(info, StandardCharsets.UTF_8)) {
      p.store(out, "the optbench run holding optbench.lock");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + info, e);
    }
  }

  /** A plain JMH run (not optbench) holding JMH's own lock would stop this run after its builds. */
  private static void requireJmhLockFree(Path dir) {
    Path jmh = dir.resolve("jmh.lock");
    FileLock probe = tryLock(jmh);
    if (probe == null) {
      throw new IllegalStateException(
          "another JMH benchmark holds "
              + jmh
              + " (not an optbench run); wait for it to end, it would stop this run after the"
              + " builds");
    }
    try {
      probe.channel().close(); // JMH takes it itself when the trials start
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lock, or null when another process holds it. */
  private static FileLock tryLock(Path file) {
    try {
      FileChannel channel = new RandomAccessFile(file.toFile(), "rw").getChannel();
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // this JVM holds it already
      }
      if (lock == null) {
        channel.close();
      }
      return lock;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the lock file " + file, e);
    }
  }

  private static String describe(Path info) {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(info, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      return "its details are not in " + info;
    }
    return "run "
        + p.getProperty("run", "?")
        + ", pid "
        + p.getProperty("pid", "?")
        + ", user "
        + p.getProperty("user", "?")
        + ", started "
        + p.getProperty("started", "?")
        + ", results in "
        + p.getProperty("results", "?");
  }
}
