package dev.optbench.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.exec.ExecReport;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * One {@code docker exec} of {@code optbench-exec -- argv...} in a running container, its output
 * kept as tails: the way units ran before {@link ServeSession}, still taken where that one cannot
 * work (a helper without --serve, an empty argument). On timeout the given killer gets the host pid
 * of the unit's optbench-exec, which it must spare so the report still arrives.
 */
final class UnitExec {
  static final int TAIL_BYTES = 64 * 1024;

  /** After a kill, how long the report may take to arrive. */
  private static final Duration AFTER_KILL = Duration.ofSeconds(10);

  private static final Duration KILL_RETRY = Duration.ofMillis(100);

  /**
   * @param stderr the unit's stderr tail, without the report
   * @param report optbench-exec's report; empty when the helper died or refused the request
   * @param timedOut the unit ran past its timeout and was killed
   * @param exitCode optbench-exec's own exit status, null if unknown (or not needed: a report)
   */
  record Outcome(
      String stdout,
      String stderr,
      Optional<ExecReport> report,
      boolean timedOut,
      Integer exitCode) {}

  private UnitExec() {}

  static Outcome run(
      DockerClient docker,
      String containerId,
      List<String> helperOptions,
      List<String> argv,
      Duration timeout,
      LongConsumer killAllButHelper) {
    List<String> cmd = new ArrayList<>(List.of("/bin/" + ExecHelper.NAME));
    cmd.addAll(helperOptions);
    cmd.add("--");
    cmd.addAll(argv);
    String execId =
        docker
            .execCreateCmd(containerId)
            .withCmd(cmd.toArray(String[]::new))
            .withAttachStdout(true)
            .withAttachStderr(true)
            .withWorkingDir(SandboxHostConfig.WORK_DIR)
            .exec()
            .getId();
    OutputTail out = new OutputTail(TAIL_BYTES);
    OutputTail err = new OutputTail(TAIL_BYTES);
    boolean timedOut = false;
    try (Collector stream = docker.execStartCmd(execId).exec(new Collector(out, err))) {
      if (!stream.awaitEnd(timeout)) {
        timedOut = true;
        killUntilDone(docker, execId, stream, killAllButHelper, argv);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + argv, e);
    } catch (IOException e) {
      // closing the stream after completion; nothing is lost
    }
    InspectExecResponse done = docker.inspectExecCmd(execId).exec();
    Long exitCode = done.getExitCodeLong();
    String stderr = err.text();
    return new Outcome(
        out.text(),
        ExecReport.stripReport(stderr),
        ExecReport.fromStderr(stderr),
        timedOut,
        exitCode == null ? null : exitCode.intValue());
  }

  /**
   * Kills until the exec ends. Repeated because of races: on a busy host the exec may still be in
   * runc's setup at the timeout (no helper pid yet; killing runc would lose the report), or the
   * helper may not have forked the program yet.
   */
  private static void killUntilDone(
      DockerClient docker,
      String execId,
      Collector stream,
      LongConsumer killAllButHelper,
      List<String> argv)
      throws InterruptedException {
    long deadline = System.nanoTime() + AFTER_KILL.toNanos();
    while (System.nanoTime() < deadline) {
      Long helperPid = docker.inspectExecCmd(execId).exec().getPidLong();
      if (helperPid != null && helperPid > 0) {
        killAllButHelper.accept(helperPid);
      }
      if (stream.awaitEnd(KILL_RETRY)) {
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

  /**
   * Keeps the output tails and its own end latch: the library's timed awaitCompletion closes the
   * stream when it times out, which would cut the unit off from its report.
   */
  private static final class Collector extends ResultCallback.Adapter<Frame> {
    private final OutputTail out;
    private final OutputTail err;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Throwable failure;

    Collector(OutputTail out, OutputTail err) {
      this.out = out;
      this.err = err;
    }

    @Override
    public void onNext(Frame frame) {
      (frame.getStreamType() == StreamType.STDOUT ? out : err).append(frame.getPayload());
    }

    @Override
    public void onError(Throwable throwable) {
      failure = throwable;
      ended.countDown();
      super.onError(throwable);
    }

    @Override
    public void onComplete() {
      ended.countDown();
      super.onComplete();
    }

    /** True when the exec's output ended (the unit is over) within {@code timeout}. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
      boolean done = ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (failure != null) {
        throw new IllegalStateException(
            "lost the connection to the engine during a unit: " + failure, failure);
      }
      return done;
    }
  }
}
