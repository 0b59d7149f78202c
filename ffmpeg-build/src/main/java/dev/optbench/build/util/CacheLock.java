package dev.optbench.build.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS file lock on one cache entry, so concurrent optbench processes never build or
 * extract the same entry at once. The kernel drops the lock when a process dies, so a build killed
 * half way never leaves the entry locked.
 */
public final class CacheLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private CacheLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Blocks until the lock on {@code lockFile} is held. */
  public static CacheLock acquire(Path lockFile) {
    try {
      Files.createDirectories(lockFile.getParent());
      FileChannel ch =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new CacheLock(ch, ch.lock());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lockFile, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
