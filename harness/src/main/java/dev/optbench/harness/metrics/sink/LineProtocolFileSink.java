package dev.optbench.harness.metrics.sink;

import dev.optbench.harness.files.AtomicFile;
import dev.optbench.harness.files.ResultWriteException;
import dev.optbench.harness.metrics.MetricsSink;
import dev.optbench.harness.metrics.Sample;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sink when no InfluxDB is configured: InfluxDB line protocol in a file, importable
 * later with {@code influx -import} or {@link SpoolReplayer}. Writes go to {@code <file>.partial},
 * each batch pushed to the OS as it arrives; {@link #close()} forces it to disk and publishes it
 * under {@code <file>} ({@link AtomicFile#publish}), so a file under the final name is always
 * complete. After a failed write (disk full) nothing is published: close removes the partial file
 * and throws {@link ResultWriteException}; a run that died leaves a {@code .partial} that the next
 * run removes.
 */
public final class LineProtocolFileSink implements MetricsSink {
  private static final Logger log = LoggerFactory.getLogger(LineProtocolFileSink.class);

  private final Path file;
  private final Path partial;
  private final FileChannel channel;
  private final Writer out;
  private boolean closed;
  private IOException broken; // the first failed write: the file can never be complete

  public LineProtocolFileSink(Path file) throws IOException {
    this.file = file;
    this.partial = file.resolveSibling(file.getFileName() + ".partial");
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    this.channel =
        FileChannel.open(
            partial,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    this.out = Channels.newWriter(channel, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void accept(List<Sample> batch) {
    if (closed) {
      throw new IllegalStateException("sink for " + file + " is closed");
    }
    if (broken != null) {
      throw new ResultWriteException(file, broken);
    }
    try {
      for (Sample sample : batch) {
        out.write(LineProtocol.encode(sample));
        out.write('\n');
      }
      out.flush(); // into the OS now: a JVM crash loses nothing already accepted
    } catch (IOException e) {
      broken = e;
      throw new ResultWriteException(file, e);
    }
  }

  @Override
  public synchronized void flush() {
    if (broken != null) {
      throw new ResultWriteException(file, broken);
    }
    try {
      out.flush();
      channel.force(false);
    } catch (IOException e) {
      broken = e;
      throw new ResultWriteException(file, e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (broken == null) {
        out.flush();
        channel.force(false);
      }
    } catch (IOException e) {
      broken = e;
    }
    try {
      out.close();
    } catch (IOException e) {
      broken = broken == null ? e : broken;
    }
    try {
      if (broken != null) {
        Files.deleteIfExists(partial); // a cut series must not pass for the trial's series
        throw new ResultWriteException(file, broken);
      }
      AtomicFile.publish(partial, file);
      log.info("Samples written to {}", file);
    } catch (IOException e) {
      throw new ResultWriteException(file, e);
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public String toString() {
    return "LineProtocolFileSink[" + file + "]";
  }
}
