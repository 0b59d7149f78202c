package dev.optbench.harness.metrics.sink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of line-protocol lines not yet delivered. Lines are appended and forced to
 * disk before {@code append} returns, delivered oldest first, and the file is emptied once all of
 * it is delivered.
 *
 * <p>Exactly-once relies on InfluxDB itself: a point with the same measurement, tag set and
 * timestamp overwrites the earlier one, and optbench points are unique (one clock tick per sample,
 * see EpochNanoClock). So when a write timed out but had in fact landed, delivering the same lines
 * again stores nothing twice; the spool may resend, the database never duplicates.
 */
final class Spool {
  private static final Logger log = LoggerFactory.getLogger(Spool.class);
  private final Path file;
  private long deliveredBytes; // prefix of the file already delivered, in this process

  Spool(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  synchronized void append(List<String> lines) throws IOException {
    StringBuilder text = new StringBuilder(lines.size() * 160);
    lines.forEach(line -> text.append(line).append('\n'));
    ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false); // the point of a spool is to survive a crash
    }
  }

  synchronized boolean hasPending() throws IOException {
    return Files.exists(file) && Files.size(file) > deliveredBytes;
  }

  /**
   * Delivers pending lines in chunks, oldest first. Stops at the first chunk that fails with an
   * IOException (backend down) and rethrows it; a chunk the backend rejects outright goes to {@code
   * <file>.rejected} instead of blocking the spool forever.
   *
   * @return lines delivered by this call
   */
  synchronized long drain(LineWriter writer, int chunkLines) throws IOException {
    if (!hasPending()) {
      return 0;
    }
    long delivered = 0;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(
                    Channels.newInputStream(channel.position(deliveredBytes)),
                    StandardCharsets.UTF_8))) {
      List<String> chunk = new ArrayList<>(chunkLines);
      long chunkBytes = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        chunk.add(line);
        chunkBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
        if (chunk.size() == chunkLines) {
          delivered += deliver(writer, chunk, chunkBytes);
          chunk.clear();
          chunkBytes = 0;
        }
      }
      if (!chunk.isEmpty()) {
        delivered += deliver(writer, chunk, chunkBytes);
      }
    }
    if (!hasPending()) {
      Files.deleteIfExists(file);
      deliveredBytes = 0;
    }
    return delivered;
  }

  private long deliver(LineWriter writer, List<String> chunk, long chunkBytes) throws IOException {
    try {
      writer.write(chunk);
    } catch (LineWriter.RejectedLinesException e) {
      reject(chunk, e.getMessage());
    }
    deliveredBytes += chunkBytes;
    return chunk.size();
  }

  /**
   * Sets aside lines the backend refused outright (retrying cannot help), in {@code
   * <file>.rejected}, so they neither block the spool nor vanish without a trace. InfluxDB 1.x
   * stores the valid points of a batch it partly refuses ("partial write"), so the file may hold
   * points that did land; replaying it is still harmless, identical points overwrite themselves.
   */
  synchronized void reject(List<String> lines, String why) throws IOException {
    Path rejected = rejectedFile();
    Files.createDirectories(rejected.toAbsolutePath().getParent());
    Files.write(
        rejected,
        lines,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    log.error("{}; {} lines set aside in {}", why, lines.size(), rejected);
  }

  Path rejectedFile() {
    return file.resolveSibling(file.getFileName() + ".rejected");
  }

  /**
   * Rewrites the file so it holds only what is undelivered (atomic rename), so a later replay
   * resends nothing already stored. Deletes it when nothing is left.
   */
  synchronized void compact() throws IOException {
    if (!hasPending()) {
      Files.deleteIfExists(file);
      deliveredBytes = 0;
      return;
    }
    if (deliveredBytes == 0) {
      return;
    }
    Path tail = file.resolveSibling(file.getFileName() + ".compacting");
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
        FileChannel out =
            FileChannel.open(
                tail,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
      long position = deliveredBytes;
      long size = in.size();
      while (position < size) {
        position += in.transferTo(position, size - position, out);
      }
      out.force(false);
    }
    Files.move(tail, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    deliveredBytes = 0;
  }
}
