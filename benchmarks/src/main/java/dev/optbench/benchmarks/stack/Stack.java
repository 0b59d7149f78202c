package dev.optbench.benchmarks.stack;

import com.github.dockerjava.api.model.Container;
import dev.optbench.benchmarks.grafana.GrafanaDashboards;
import dev.optbench.harness.runtime.RuntimeUnavailableException;
import dev.optbench.harness.runtime.docker.DockerEngine;
import dev.optbench.harness.runtime.docker.TlsFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code stack up|down|status}. Containers on the local Docker engine ({@code $DOCKER_HOST}) where
 * the images are there; InfluxDB as a local influxd where its image is not. The stack's files live
 * in one folder ({@code <cache>/stack}): the local influxd's data, log and pid file, the
 * containers' InfluxDB data and Grafana's provisioning. What runs is always read back from the
 * engine (labels) and the pid file, so {@code up} twice starts nothing new and {@code down} finds
 * what an earlier {@code up} started.
 */
public final class Stack {
  /** The main job's database, which the stack's InfluxDB has from the start. */
  public static final String DATABASE = GrafanaDashboards.DEFAULT_DATABASE;

  private static final Duration INFLUX_DEADLINE = Duration.ofSeconds(60);
  private static final Duration OTHERS_DEADLINE = Duration.ofSeconds(90);

  /** How long any one Docker call may go unanswered (a stop: this plus its grace). */
  static final Duration DOCKER_TIMEOUT = Duration.ofSeconds(30);

  private final Path dir;
  private final StackImages images;
  private final String influxdBinary;
  private final Map<String, String> env;
  private final PrintWriter out;
  private final Duration dockerTimeout;

  /**
   * @param dir the stack's folder
   * @param influxdBinary "influxd" (looked up on {@code env}'s PATH) or a path
   * @param env the environment: DOCKER_HOST, PATH, credentials
   */
  public Stack(
      Path dir,
      StackImages images,
      String influxdBinary,
      Map<String, String> env,
      PrintWriter out) {
    this(dir, images, influxdBinary, env, out, DOCKER_TIMEOUT);
  }

  /** As above, with a shorter bound on Docker calls for tests of a stuck engine. */
  Stack(
      Path dir,
      StackImages images,
      String influxdBinary,
      Map<String, String> env,
      PrintWriter out,
      Duration dockerTimeout) {
    this.dir = dir;
    this.images = images;
    this.influxdBinary = influxdBinary;
    this.env = env;
    this.out = out;
    this.dockerTimeout = dockerTimeout;
  }

  /**
   * The stack could not be brought up or down because its engine failed or hung; what this command
   * had started is stopped again and the message says so. The CLI prints it and exits 1.
   */
  public static final class Failure extends RuntimeException {
    Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** What one {@code up} started, and how to stop it again should a later step fail. */
  private record Started(String what, Undo undo) {}

  private interface Undo {
    void run() throws IOException;
  }

  private LocalInfluxd localInfluxd() {
    return new LocalInfluxd(dir.resolve("influxd"));
  }

  String dockerHost() {
    String host = env.getOrDefault("DOCKER_HOST", "");
    return host.isBlank() ? DockerEngine.DEFAULT_HOST : host;
  }

  /** The engine, or why there is none; only a local one (unix socket) will do. */
  private Engine engine() {
    String host = dockerHost();
    try {
      DockerEngine engine = DockerEngine.connect(host, TlsFiles.fromEnvironment(env));
      if (!engine.isLocal()) {
        engine.close();
        return new Engine(
            Optional.empty(),
            "the Docker engine at "
                + host
                + " is not on this machine (the stack binds this machine's folders and 127.0.0.1)");
      }
      return new Engine(Optional.of(new StackContainers(engine, dockerTimeout)), "");
    } catch (RuntimeUnavailableException e) {
      return new Engine(Optional.empty(), "no Docker engine answers at " + host);
    }
  }

  private record Engine(Optional<StackContainers> containers, String problem)
      implements AutoCloseable {
    @Override
    public void close() {
      containers.ifPresent(c -> c.engine().close());
    }
  }

  /**
   * Starts what does not run yet: 0, or 1 when InfluxDB did not come up.
   *
   * @throws MissingImagesException when neither an image nor influxd can give InfluxDB; nothing was
   *     started
   * @throws Failure when the engine failed or hung on a call; what this {@code up} started is
   *     stopped again
   */
  public int up() throws IOException {
    Files.createDirectories(dir);
    List<Started> started = new ArrayList<>();
    try (Engine engine = engine()) {
      return up(engine, started);
    } catch (EngineCalls.Failure e) {
      throw new Failure("cannot start the stack: " + e.getMessage() + "; " + undo(started), e);
    } catch (IOException | RuntimeException e) {
      // Any other failure half-way (a folder not writable, influxd that did not come up) leaves
      // nothing running either; the error itself is reported by the caller.
      if (!started.isEmpty()) {
        out.println("stack up failed: " + undo(started));
      }
      throw e;
    }
  }

  /** Stops what was started, last first; says what, and what could not be stopped. */
  private String undo(List<Started> started) {
    if (started.isEmpty()) {
      return "nothing had been started";
    }
    List<String> stopped = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (int i = started.size() - 1; i >= 0; i--) {
      Started s = started.get(i);
      try {
        s.undo().run();
        stopped.add(s.what());
      } catch (IOException | RuntimeException e) {
        left.add(s.what() + " (" + e.getMessage() + ")");
      }
    }
    return (stopped.isEmpty()
            ? ""
            : "stopped again what it had started: " + String.join(", ", stopped))
        + (left.isEmpty()
            ? ""
            : (stopped.isEmpty() ? "" : "; ")
                + "could not stop "
                + String.join(", ", left)
                + ": optbench stack down stops it once the engine answers");
  }

  private int up(Engine engine, List<Started> started) throws IOException {
    Optional<StackContainers> docker = engine.containers();
    Optional<String> influxUrl = upInfluxdb(engine, started);
    if (influxUrl.isEmpty()) {
      return 1; // its container did not come up; what it said is printed
    }
    for (Component c : List.of(Component.GRAFANA, Component.CADVISOR)) {
      if (docker.isEmpty()) {
        out.println(c.title() + ": not started: " + engine.problem());
        continue;
      }
      upOther(docker.get(), c, influxUrl.get(), started);
    }
    out.println("Pass this to the main job: --influx=" + influxUrl.get());
    return 0;
  }

  private Optional<String> upInfluxdb(Engine engine, List<Started> started) throws IOException {
    Optional<StackContainers> docker = engine.containers();
    Optional<Container> existing = docker.flatMap(d -> d.find(Component.INFLUXDB));
    if (existing.isPresent()) {
      return Optional.of(reuse(docker.get(), existing.get(), Component.INFLUXDB, started));
    }
    LocalInfluxd local = localInfluxd();
    Optional<Long> pid = local.pid();
    if (pid.isPresent()) {
      String url = local.url().orElseThrow();
      out.println("InfluxDB: already running as a local influxd (pid " + pid.get() + ") at " + url);
      return Optional.of(url);
    }
    if (docker.isPresent() && docker.get().hasImage(images.influxdb())) {
      int port = Ports.choose(Component.INFLUXDB.usualPort());
      Path data = Files.createDirectories(dir.resolve("influxdb-data"));
      ContainerPlan plan =
          ContainerPlan.influxdb(
              images.influxdb(), port, Ports.ephemeral(), data, Credentials.from(env));
      if (!startContainer(docker.get(), plan, INFLUX_DEADLINE, started)) {
        return Optional.empty();
      }
      new InfluxDatabase(out).create(plan.url(), Credentials.from(env));
      return Optional.of(plan.url());
    }
    Optional<Path> binary = LocalInfluxd.find(influxdBinary, env);
    if (binary.isEmpty()) {
      out.flush();
      throw new MissingImagesException(
          images.missingSentence(
              docker.isPresent()
                  ? "the Docker engine at " + dockerHost() + " has no image " + images.influxdb()
                  : engine.problem(),
              influxdBinary));
    }
    int port = Ports.choose(Component.INFLUXDB.usualPort());
    long newPid = local.start(binary.get(), port, INFLUX_DEADLINE);
    started.add(new Started("InfluxDB (local influxd, pid " + newPid + ")", local::stop));
    String url = Ports.url(port);
    new InfluxDatabase(out).create(url, Credentials.NONE); // it runs without authentication
    out.println(
        "InfluxDB: started a local influxd (pid "
            + newPid
            + ", "
            + binary.get()
            + ") at "
            + url
            + ", because "
            + (docker.isPresent()
                ? "the Docker engine has no image " + images.influxdb()
                : engine.problem())
            + "; data, log and pid file in "
            + local.dir());
    if (Credentials.from(env).present()) {
      out.println(
          "InfluxDB: the local influxd does not check credentials (it listens on 127.0.0.1 only)");
    }
    return Optional.of(url);
  }

  /**
   * The one sentence for a machine that can start no InfluxDB: the images it needs, and how to get
   * them there or install influxd instead.
   */

  /** Thrown before anything is started; the CLI prints its message and exits 2 (as for usage). */
  public static final class MissingImagesException extends RuntimeException {
    public MissingImagesException(String message) {
      super(message);
    }
  }

  private void upOther(StackContainers docker, Component c, String influxUrl, List<Started> started)
      throws IOException {
    Optional<Container> existing = docker.find(c);
    if (existing.isPresent()) {
      reuse(docker, existing.get(), c, started);
      return;
    }
    String image = images.of(c);
    if (!docker.hasImage(image)) {
      out.println(
          c.title()
              + ": not started: the Docker engine at "
              + dockerHost()
              + " has no image "
              + image
              + " (docker load it there to have "
              + c.title()
              + ")");
      return;
    }
    Credentials credentials = Credentials.from(env);
    int port = Ports.choose(c.usualPort());
    ContainerPlan plan =
        c == Component.GRAFANA
            ? grafanaPlan(image, port, influxUrl, credentials)
            : ContainerPlan.cadvisor(
                image,
                port,
                URI.create(influxUrl).getAuthority(),
                DATABASE,
                Path.of(URI.create(dockerHost()).getPath()),
                docker.dataRoot(),
                credentials);
    startContainer(docker, plan, OTHERS_DEADLINE, started);
  }

  /** Writes {@code optbench grafana}'s files for this InfluxDB and mounts them. */
  private ContainerPlan grafanaPlan(
      String image, int port, String influxUrl, Credentials credentials) throws IOException {
    Path folder = dir.resolve("grafana");
    GrafanaDashboards files = new GrafanaDashboards(influxUrl, DATABASE);
    (credentials.present() ? files.withCredentialsFromEnvironment() : files).writeTo(folder);
    return ContainerPlan.grafana(
        image,
        port,
        folder.resolve(GrafanaDashboards.PROVISIONING_DIR),
        folder.resolve(GrafanaDashboards.DASHBOARDS_FOLDER),
        GrafanaDashboards.DASHBOARDS_IN_GRAFANA,
        credentials);
  }

  private String reuse(
      StackContainers docker, Container c, Component component, List<Started> started) {
    String url = StackContainers.url(c);
    if (StackContainers.running(c)) {
      out.println(
          component.title()
              + ": already running as container "
              + StackContainers.name(c)
              + " at "
              + url);
    } else {
      docker.restart(c.getId());
      // Kept on failure (it was there before), but stopped as it was found.
      started.add(
          new Started(
              component.title() + " (container " + StackContainers.name(c) + ", stopped as found)",
              () -> docker.stop(c.getId())));
      out.println(
          component.title()
              + ": started the existing container "
              + StackContainers.name(c)
              + " again at "
              + url);
    }
    return url;
  }

  /** Starts and waits for health; a container that does not come up is removed again. */
  private boolean startContainer(
      StackContainers docker, ContainerPlan plan, Duration deadline, List<Started> started) {
    String id = docker.start(plan);
    Started container =
        new Started(
            plan.component().title() + " (container " + plan.name() + ")", () -> docker.remove(id));
    started.add(container);
    Health health = Health.await(plan.url(), plan.component(), deadline, () -> docker.running(id));
    if (health.ok()) {
      out.println(
          plan.component().title()
              + ": started container "
              + plan.name()
              + " ("
              + plan.image()
              + ") at "
              + plan.url());
      return true;
    }
    String log = docker.logTail(id, 10);
    docker.remove(id);
    started.remove(container);
    out.println(
        plan.component().title()
            + ": container "
            + plan.name()
            + " did not come up ("
            + health.text()
            + ") and was removed; its last lines:\n"
            + log);
    return false;
  }

  /** Every component, as it is now. */
  public List<ComponentStatus> status() {
    List<ComponentStatus> statuses = new ArrayList<>();
    Optional<Map<Component, Optional<Container>>> containers = containersWithin(ENGINE_DEADLINE);
    for (Component c : Component.values()) {
      Optional<Container> container = containers.flatMap(m -> m.get(c));
      if (container.isPresent()) {
        Container found = container.get();
        boolean running = StackContainers.running(found);
        String url = StackContainers.url(found);
        statuses.add(
            new ComponentStatus(
                c,
                running ? ComponentStatus.RUNNING : ComponentStatus.STOPPED,
                "container " + StackContainers.name(found),
                url,
                running ? Health.check(url, c) : Health.UNKNOWN));
        continue;
      }
      Optional<Long> pid = c == Component.INFLUXDB ? localInfluxd().pid() : Optional.empty();
      if (pid.isPresent()) {
        String url = localInfluxd().url().orElse("-");
        statuses.add(
            new ComponentStatus(
                c,
                ComponentStatus.RUNNING,
                "local influxd (pid " + pid.get() + ")",
                url,
                Health.check(url, c)));
        continue;
      }
      statuses.add(ComponentStatus.absent(c));
    }
    return statuses;
  }

  /** As long as {@code engines} waits for an engine on a loaded machine. */
  private static final Duration ENGINE_DEADLINE = Duration.ofSeconds(45);

  /**
   * Status must answer even when the engine does not: the lookups are one bounded call ({@link
   * EngineCalls}, as {@code engines} probes); empty when there is no answer (said so).
   */
  private Optional<Map<Component, Optional<Container>>> containersWithin(Duration deadline) {
    try {
      return new EngineCalls(dockerHost(), deadline)
          .call(
              "list the stack's containers",
              Duration.ZERO,
              () -> {
                try (Engine engine = engine()) {
                  if (engine.containers().isEmpty()) {
                    out.println("(" + engine.problem() + ": containers not looked for)");
                    return Optional.empty();
                  }
                  Map<Component, Optional<Container>> found = new EnumMap<>(Component.class);
                  for (Component c : Component.values()) {
                    found.put(c, engine.containers().get().find(c));
                  }
                  return Optional.of(found);
                }
              });
    } catch (EngineCalls.Failure e) {
      out.println("(" + e.getMessage() + ": containers not looked for)");
      return Optional.empty();
    }
  }

  /**
   * Stops and removes what {@code up} started; says so, or that nothing ran.
   *
   * @throws Failure when the engine failed or hung; the local influxd is stopped all the same
   */
  public int down() throws IOException {
    boolean any = false;
    Optional<EngineCalls.Failure> failure = Optional.empty();
    try (Engine engine = engine()) {
      if (engine.containers().isPresent()) {
        for (String name : engine.containers().get().removeAll()) {
          out.println("removed container " + name);
          any = true;
        }
      } else {
        out.println("(" + engine.problem() + ": no containers to remove there)");
      }
    } catch (EngineCalls.Failure e) {
      failure = Optional.of(e);
    }
    LocalInfluxd local = localInfluxd();
    Optional<Long> pid = local.pid();
    if (local.stop()) {
      out.println(
          "stopped the local influxd (pid "
              + pid.orElse(-1L)
              + "); its data stays in "
              + local.dir());
      any = true;
    }
    if (failure.isPresent()) {
      throw new Failure(
          "cannot stop the stack's containers: "
              + failure.get().getMessage()
              + (any ? " (the local influxd was stopped)" : ""),
          failure.get());
    }
    if (!any) {
      out.println("nothing of the stack was running");
    }
    return 0;
  }
}
