package dev.optbench.benchmarks.stack;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.optbench.harness.runtime.docker.DockerEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The stack's containers on one engine, found by {@link ContainerPlan#LABEL}. Images are looked up,
 * never pulled: the machines optbench runs on may have no registry, and a pull that hangs would
 * look like a stack that hangs.
 */
public final class StackContainers {
  private final DockerEngine engine;
  private final EngineCalls calls;

  /**
   * @param timeout how long one call may go unanswered (a stop: this plus its grace)
   */
  public StackContainers(DockerEngine engine, Duration timeout) {
    this.engine = engine;
    this.calls = new EngineCalls(engine.host(), timeout);
  }

  private <T> T call(String what, Supplier<T> body) {
    return calls.call(what, Duration.ZERO, body);
  }

  private void run(String what, Runnable body) {
    calls.run(what, Duration.ZERO, body);
  }

  private void run(String what, Duration grace, Runnable body) {
    calls.run(what, grace, body);
  }

  public DockerEngine engine() {
    return engine;
  }

  private DockerClient docker() {
    return engine.client();
  }

  public boolean hasImage(String image) {
    return call(
        "look up the image " + image,
        () -> {
          try {
            docker().inspectImageCmd(image).exec();
            return true;
          } catch (NotFoundException e) {
            return false;
          }
        });
  }

  /** The engine's data root ({@code /var/lib/docker} by default), which cAdvisor reads. */
  public Path dataRoot() {
    return Path.of(call("say its data root", () -> docker().infoCmd().exec().getDockerRootDir()));
  }

  /** The component's container, running or not. */
  public Optional<Container> find(Component component) {
    return call(
        "list the " + component.title() + " container",
        () ->
            docker()
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(ContainerPlan.LABEL, component.key()))
                .exec()
                .stream()
                .findFirst());
  }

  public static boolean running(Container c) {
    return "running".equals(c.getState());
  }

  public static String url(Container c) {
    return c.getLabels() == null ? "" : c.getLabels().getOrDefault(ContainerPlan.LABEL_URL, "");
  }

  public boolean running(String id) {
    return call(
        "inspect the container " + id,
        () -> {
          try {
            return Boolean.TRUE.equals(
                docker().inspectContainerCmd(id).exec().getState().getRunning());
          } catch (NotFoundException e) {
            return false;
          }
        });
  }

  /** Creates and starts the container; removes it again when it cannot be started. */
  public String start(ContainerPlan plan) {
    HostConfig host =
        HostConfig.newHostConfig()
            .withNetworkMode("host")
            .withBinds(plan.binds().stream().map(Bind::parse).toList())
            .withPrivileged(plan.privileged())
            // Back after a reboot of the machine or the engine, until `stack down`.
            .withRestartPolicy(RestartPolicy.unlessStoppedRestart());
    CreateContainerCmd create =
        docker()
            .createContainerCmd(plan.image())
            .withName(plan.name())
            .withLabels(plan.labels())
            .withEnv(plan.env())
            .withHostConfig(host);
    if (!plan.entrypoint().isEmpty()) {
      create.withEntrypoint(plan.entrypoint());
    }
    if (!plan.cmd().isEmpty()) {
      create.withCmd(plan.cmd());
    }
    String id;
    try {
      id = call("create the container " + plan.name(), () -> create.exec().getId());
    } catch (EngineCalls.Failure e) {
      // The engine may have created it and failed to say so: remove it by name, or say how.
      removeAfter(plan.name(), e);
      throw e;
    }
    try {
      run("start the container " + plan.name(), () -> docker().startContainerCmd(id).exec());
    } catch (EngineCalls.Failure e) {
      removeAfter(id, e);
      throw e;
    }
    return id;
  }

  /** Starts a stopped container of the stack again (after {@code docker stop}, say). */
  public void restart(String id) {
    run(
        "start the container " + id + " again",
        () -> {
          try {
            docker().startContainerCmd(id).exec();
          } catch (NotModifiedException e) {
            // already running
          }
        });
  }

  /** Removes what a failed start left, adding to {@code failure} what could not be removed. */
  private void removeAfter(String idOrName, EngineCalls.Failure failure) {
    try {
      remove(idOrName);
    } catch (EngineCalls.Failure e) {
      failure.addSuppressed(e);
    }
  }

  /** The last lines the container wrote, for a message about why it did not come up. */
  public String logTail(String id, int lines) {
    StringBuilder text = new StringBuilder();
    try {
      docker()
          .logContainerCmd(id)
          .withStdOut(true)
          .withStdErr(true)
          .withTail(lines)
          .exec(
              new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                  text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
              })
          .awaitCompletion(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      return "(no log: " + e.getMessage() + ")";
    }
    return text.toString().strip();
  }

  /** Stops (SIGTERM, 10 s) and removes every stack container; their names, in removal order. */
  public List<String> removeAll() {
    List<Container> all =
        call(
            "list the stack's containers",
            () ->
                docker()
                    .listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(List.of(ContainerPlan.LABEL))
                    .exec());
    return all.stream()
        .map(
            c -> {
              remove(c.getId());
              return name(c);
            })
        .toList();
  }

  /** Stops a container the stack keeps (one {@code up} started again); nothing when it is gone. */
  public void stop(String id) {
    run(
        "stop the container " + id,
        Duration.ofSeconds(STOP_SECONDS),
        () -> {
          try {
            docker().stopContainerCmd(id).withTimeout(STOP_SECONDS).exec();
          } catch (NotModifiedException | NotFoundException e) {
            // stopped already, or gone
          }
        });
  }

  /** Stops and removes one container; nothing when it is gone already. */
  public void remove(String id) {
    stop(id);
    run(
        "remove the container " + id,
        () -> {
          try {
            docker().removeContainerCmd(id).withForce(true).exec();
          } catch (NotFoundException e) {
            // gone already: down is idempotent
          }
        });
  }

  /** SIGTERM's grace before SIGKILL; the engine answers a stop only after it. */
  static final int STOP_SECONDS = 10;

  public static String name(Container c) {
    String name = c.getNames() != null && c.getNames().length > 0 ? c.getNames()[0] : c.getId();
    return name.startsWith("/") ? name.substring(1) : name;
  }
}
