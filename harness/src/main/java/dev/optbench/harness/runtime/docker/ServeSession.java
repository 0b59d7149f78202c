package dev.optbench.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.exec.ExecReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * One {@code docker exec} of {@code optbench-exec --serve} that runs every unit of a sandbox, one
 * at a time: a request on its stdin per unit, the unit's output and report back as {@link
 * ServeFrames}. This saves the per-unit exec (runc's setup, ~40 ms of CPU, and the API round trips:
 * ~63 ms per unit in all, measured). A unit past its timeout is killed as {@link UnitExec} kills
 * it, sparing this server, whose report of the killed unit still arrives.
 */
final class ServeSession implements AutoCloseable {
  /** After a kill, how long the report may take to arrive. */
  private static final Duration AFTER_KILL = Duration.ofSeconds(10);

  private static final Duration KILL_RETRY = Duration.ofMillis(100);

  /** The server's exit status for a request it could not run (no report; as the one-shot's). */
  private static final int REFUSED = 125;

  private final DockerClient docker;
  private final String execId;
  private final RequestStream requests = new RequestStream();
  private volatile boolean requestsEnded;
  private final Stream stream;
  private volatile Pending pending;
  private long serverPid;

  /**
   * Thrown when the server is not there to serve: the helper in the image predates --serve, or the
   * exec's stdin cannot be attached. Nothing of the unit ran.
   */
  static final class UnsupportedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedException(String message) {
      super(message);
    }
  }

  private ServeSession(DockerClient docker, String containerId) {
    this.docker = docker;
    this.execId =
        docker
            .execCreateCmd(containerId)
            .withCmd("/bin/" + ExecHelper.NAME, "--serve")
            .withAttachStdin(true)
            .withAttachStdout(true)
            .withAttachStderr(true)
            .withWorkingDir(SandboxHostConfig.WORK_DIR)
            .exec()
            .getId();
    this.stream = new Stream();
    docker.execStartCmd(execId).withStdIn(requests).exec(stream);
  }

  /** Starts the server in the container; the first request may be sent at once. */
  static ServeSession start(DockerClient docker, String containerId) {
    return new ServeSession(docker, containerId);
  }

  String execId() {
    return execId;
  }

  /** False once the server's output ended: it died, or its container was killed. */
  boolean isAlive() {
    return !stream.ended();
  }

  /**
   * Runs one unit; as {@link UnitExec#run}, with the same meaning of every argument and result.
   *
   * @throws UnsupportedException when the server never served (then nothing ran)
   */
  UnitExec.Outcome run(
      List<String> helperOptions, List<String> argv, Duration timeout, LongConsumer killer) {
    Pending unit = new Pending();
    pending = unit;
    if (stream.ended()) {
      unit.serverEnded(); // ended before it could see this unit: nothing will come
    }
    boolean timedOut = false;
    try {
      requests.send(ServeFrames.request(helperOptions, argv));
      if (!unit.await(timeout)) {
        timedOut = true;
        killUntilReported(unit, killer, argv);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + argv, e);
    } finally {
      pending = null;
    }
    if (unit.reported()) {
      Optional<ExecReport> report = unit.report();
      return new UnitExec.Outcome(
          unit.out.text(), unit.err.text(), report, timedOut, report.isPresent() ? null : REFUSED);
    }
    if (stream.failure != null && !stream.servedAny() && !timedOut) {
      // The hijacked connection never carried a frame: this transport or engine cannot attach
      // the exec's stdin (HTTP 101 refused, say). Nothing ran.
      throw new UnsupportedException(
          "cannot attach stdin to optbench-exec --serve: " + stream.failure);
    }
    if (stream.failure != null) {
      throw new IllegalStateException(
          "lost the connection to the engine during a unit: " + stream.failure, stream.failure);
    }
    // The server ended during the unit: killed with its container (a remote engine's timeout),
    // or it died. Its exit status is all there is, as for a one-off exec that lost its helper.
    Long exit = exitCode();
    if (!stream.servedAny() && exit != null && exit == REFUSED && !timedOut) {
      throw new UnsupportedException(
          "optbench-exec in the image does not serve (exit "
              + exit
              + ": "
              + stream.serverErr.text().strip()
              + ")");
    }
    return new UnitExec.Outcome(
        unit.out.text(),
        unit.err.text() + stream.serverErr.text(),
        Optional.empty(),
        timedOut,
        exit == null ? null : exit.intValue());
  }

  /** The ended server's exit status; the engine may record it a moment after the stream ends. */
  private Long exitCode() {
    for (int attempt = 0; ; attempt++) {
      Long exit = docker.inspectExecCmd(execId).exec().getExitCodeLong();
      if (exit != null || attempt >= 20) {
        return exit;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  private void killUntilReported(Pending unit, LongConsumer killer, List<String> argv)
      throws InterruptedException {
    long deadline = System.nanoTime() + AFTER_KILL.toNanos();
    while (System.nanoTime() < deadline) {
      long pid = serverPid();
      if (pid > 0) {
        killer.accept(pid);
      }
      if (unit.await(KILL_RETRY)) {
        return;
      }
    }
    throw new IllegalStateException(
        "unit "
            + argv
            + " did not end "
            + AFTER_KILL.toSeconds()
            + " s after its timeout and SIGKILL; the container is probably wedged");
  }

  /** The server's host pid (what a killer must spare); looked up once, when first needed. */
  private long serverPid() {
    if (serverPid <= 0) {
      Long pid = docker.inspectExecCmd(execId).exec().getPidLong();
      serverPid = pid == null ? 0 : pid;
    }
    return serverPid;
  }

  /**
   * EOF on the server's stdin, without waiting for the server to end: over the engine's attach the
   * EOF does not reach it (measured: the server was still there 1 s later every time, so each
   * sandbox's close cost a second of waiting, 7 s per default run), and the caller removes the
   * container, which ends it. What the EOF is still for: docker-java's thread that copies the stdin
   * ends while the connection is open. Once only, and not to a server that already ended: that
   * thread would wake to write to a closed connection and print the failure as an uncaught
   * exception, so it is left parked (one idle daemon thread per server that died, e.g. per remote
   * timeout).
   */
  void endRequests() {
    if (!requestsEnded && isAlive()) {
      requestsEnded = true;
      requests.close();
    }
  }

  /** {@link #endRequests}, then the stream is let go. */
  @Override
  public void close() {
    endRequests();
    try {
      stream.close();
    } catch (IOException e) {
      // the stream is gone either way
    }
  }

  /** One unit's output tails and its report, filled by the frames while it runs. */
  private static final class Pending {
    final OutputTail out = new OutputTail(UnitExec.TAIL_BYTES);
    final OutputTail err = new OutputTail(UnitExec.TAIL_BYTES);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile String reportLine;

    void report(byte[] line) {
      reportLine = new String(line, StandardCharsets.UTF_8);
      done.countDown();
    }

    void serverEnded() {
      done.countDown();
    }

    boolean await(Duration timeout) throws InterruptedException {
      return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    boolean reported() {
      return reportLine != null;
    }

    Optional<ExecReport> report() {
      return reportLine == null || reportLine.isEmpty()
          ? Optional.empty()
          : Optional.of(ExecReport.parse(reportLine));
    }
  }

  /** The exec's output: the server's stdout carries frames, its own stderr its last words. */
  private final class Stream extends ResultCallback.Adapter<Frame> {
    private final ServeFrames frames = new ServeFrames(this::frame);
    private final OutputTail serverErr = new OutputTail(4096);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean servedAny;
    private volatile Throwable failure;

    @Override
    public void onNext(Frame frame) {
      if (frame.getStreamType() == StreamType.STDERR) {
        serverErr.append(frame.getPayload());
      } else {
        frames.accept(frame.getPayload());
      }
    }

    private void frame(char channel, byte[] payload) {
      servedAny = true;
      Pending unit = pending;
      if (unit == null) {
        return; // the rest of a unit given up on (wedged); nobody waits for it any more
      }
      switch (channel) {
        case ServeFrames.STDOUT -> unit.out.append(payload);
        case ServeFrames.STDERR -> unit.err.append(payload);
        case ServeFrames.REPORT -> unit.report(payload);
        default ->
            throw new IllegalStateException(
                "optbench-exec --serve sent a frame on unknown channel '" + channel + "'");
      }
    }

    @Override
    public void onError(Throwable throwable) {
      failure = throwable;
      end();
      super.onError(throwable);
    }

    @Override
    public void onComplete() {
      end();
      super.onComplete();
    }

    private void end() {
      ended.countDown();
      Pending unit = pending;
      if (unit != null) {
        unit.serverEnded();
      }
    }

    boolean ended() {
      return ended.getCount() == 0;
    }

    boolean servedAny() {
      return servedAny;
    }
  }
}
