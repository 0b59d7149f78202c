package dev.optbench.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.benchmarks.stack.Component;
import dev.optbench.benchmarks.stack.ContainerPlan;
import dev.optbench.benchmarks.stack.Health;
import dev.optbench.benchmarks.stack.LocalInfluxd;
import dev.optbench.benchmarks.stack.Stack;
import dev.optbench.harness.runtime.docker.DockerEngine;
import dev.optbench.harness.testing.Services;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optbench stack} as users run it ({@code java -jar benchmarks.jar}, so the environment,
 * PATH included, is the test's to choose), on this machine's Docker engine and its installed
 * influxd. The engine has no InfluxDB, Grafana or cAdvisor image (no registry here), and the test
 * names images that cannot exist so the outcome does not depend on what someone loaded: InfluxDB
 * comes from a local influxd. Whatever a test started is stopped after it, also when it failed.
 */
class StackCommandIT {
  private static final Path JAR = Path.of("target", "benchmarks.jar").toAbsolutePath();
  private static final String NO_INFLUX = "optbench-stack-it-absent/influxdb:none";
  private static final String NO_GRAFANA = "optbench-stack-it-absent/grafana:none";
  private static final String NO_CADVISOR = "optbench-stack-it-absent/cadvisor:none";

  @TempDir Path cache;

  private String dockerHost;

  private record Ran(int exit, String output, long millis) {}

  @BeforeEach
  void services() {
    dockerHost = Services.dockerHost();
    if (LocalInfluxd.find("influxd", System.getenv()).isEmpty()) {
      Services.missing("influxd (apt-get install influxdb)");
    }
    assertThat(JAR).as("benchmarks.jar (built by mvn package)").isRegularFile();
    assertThat(stackContainers()).as("no stack on the shared engine before the test").isEmpty();
  }

  @AfterEach
  void tearDown() throws IOException, InterruptedException {
    if (dockerHost == null) {
      return; // skipped before anything started
    }
    optbench(Map.of(), "down");
    // In case down itself is what failed: the pid file still names our influxd.
    new LocalInfluxd(cache.resolve("stack").resolve("influxd")).stop();
    assertThat(influxdsOfThisTest()).as("influxd processes left").isEmpty();
  }

  private Ran optbench(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-jar", JAR.toString(), "stack"));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--cache", cache.toString()));
    Map<String, String> images =
        Map.of(
            "--influx-image",
            NO_INFLUX,
            "--grafana-image",
            NO_GRAFANA,
            "--cadvisor-image",
            NO_CADVISOR);
    images.forEach(
        (option, absent) -> {
          if (!List.of(args).contains(option)) {
            cmd.addAll(List.of(option, absent));
          }
        });
    Path log = Files.createTempFile(cache, "stack-", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Map<String, String> all = new HashMap<>(System.getenv());
    all.put("DOCKER_HOST", dockerHost);
    all.putAll(env);
    pb.environment().clear();
    pb.environment().putAll(all);
    long start = System.nanoTime();
    Process p = pb.start();
    // Generous: on the shared 2-core machine at load 30 one `status` took over 3 minutes.
    if (!p.waitFor(6, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(
          "stack " + args[0] + " did not finish in 6 minutes:\n" + Files.readString(log));
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.printf("stack %s: exit %d in %d ms%n%s%n", args[0], p.exitValue(), millis, output);
    return new Ran(p.exitValue(), output, millis);
  }

  @Test
  void upStartsALocalInfluxdThatStatusFindsHealthyAndDownStops() throws Exception {
    Ran up = optbench(Map.of(), "up");

    assertThat(up.exit()).as(up.output()).isZero();
    assertThat(up.output())
        .contains("InfluxDB: started a local influxd (pid ")
        .contains("because the Docker engine has no image " + NO_INFLUX)
        .contains(
            "Grafana: not started: the Docker engine at "
                + dockerHost
                + " has no image "
                + NO_GRAFANA)
        .contains(
            "cAdvisor: not started: the Docker engine at "
                + dockerHost
                + " has no image "
                + NO_CADVISOR);
    String url =
        group(up.output(), "Pass this to the main job: --influx=(http://127\\.0\\.0\\.1:\\d+)");
    long pid = Long.parseLong(group(up.output(), "local influxd \\(pid (\\d+)"));
    assertThat(Health.check(url, Component.INFLUXDB).ok()).as(url + "/ping").isTrue();
    assertThat(url).isNotEqualTo(Services.env("OPTBENCH_INFLUX_URL").orElse(""));
    assertThat(influxdsOfThisTest()).containsExactly(pid);

    Ran status = optbench(Map.of(), "status");

    assertThat(status.exit()).as(status.output()).isZero();
    assertThat(status.output())
        .containsPattern(
            "InfluxDB +running +local influxd \\(pid "
                + pid
                + "\\) +"
                + Pattern.quote(url)
                + " +ok \\(/ping 204\\)")
        .containsPattern("Grafana +not running +- +- +-")
        .containsPattern("cAdvisor +not running +- +- +-");

    Ran again = optbench(Map.of(), "up");

    assertThat(again.exit()).as(again.output()).isZero();
    assertThat(again.output())
        .contains("InfluxDB: already running as a local influxd (pid " + pid + ") at " + url)
        .doesNotContain("started a local influxd")
        .contains("--influx=" + url);
    assertThat(influxdsOfThisTest()).containsExactly(pid);

    Ran down = optbench(Map.of(), "down");

    assertThat(down.exit()).as(down.output()).isZero();
    assertThat(down.output()).contains("stopped the local influxd (pid " + pid + ")");
    assertThat(influxdsOfThisTest()).isEmpty();
    assertThat(stackContainers()).isEmpty();
    assertThat(Health.check(url, Component.INFLUXDB).ok()).isFalse();

    Ran downAgain = optbench(Map.of(), "down");

    assertThat(downAgain.exit()).isZero();
    assertThat(downAgain.output()).contains("nothing of the stack was running");
    System.out.printf(
        "timings: up %d ms, status %d ms, up again %d ms, down %d ms, down again %d ms%n",
        up.millis(), status.millis(), again.millis(), down.millis(), downAgain.millis());
  }

  @Test
  void withoutImagesAndWithoutInfluxdOneSentenceExitTwoAndNothingStarted() throws Exception {
    Path emptyPath = Files.createDirectories(cache.resolve("no-influxd-here"));

    Ran up = optbench(Map.of("PATH", emptyPath.toString()), "up");

    assertThat(up.exit()).as(up.output()).isEqualTo(2);
    assertThat(up.output().strip())
        .startsWith(
            "optbench: cannot start the stack: the Docker engine at "
                + dockerHost
                + " has no image "
                + NO_INFLUX
                + " and no influxd is on PATH; it needs the images "
                + NO_INFLUX
                + ", "
                + NO_GRAFANA
                + " and "
                + NO_CADVISOR)
        .contains("docker load", "apt-get install influxdb")
        .doesNotContain("\n", "started");
    assertThat(influxdsOfThisTest()).isEmpty();
    assertThat(stackContainers()).isEmpty();
    assertThat(cache.resolve("stack/influxd/influxd.pid")).doesNotExist();

    Ran status = optbench(Map.of("PATH", emptyPath.toString()), "status");

    assertThat(status.exit()).isZero();
    assertThat(status.output()).containsPattern("InfluxDB +not running");
  }

  /**
   * The container path, with a stand-in for InfluxDB built here from scratch (no registry): a
   * static busybox serving an empty {@code /ping} on the address the stack gives InfluxDB's image
   * ({@code INFLUXDB_HTTP_BIND_ADDRESS}). It proves the container's name, labels, host network,
   * loopback address, health wait, reuse and removal, and that credentials reach its environment
   * only; not that the real influxdb:1.8 image starts (it is not on this machine).
   */
  @Test
  void anInfluxImageOnTheEngineRunsAsALabelledLoopbackContainer() throws Exception {
    Path busybox = Path.of("/bin/busybox");
    if (!Files.isExecutable(busybox)) {
      Services.missing(
          "a static /bin/busybox for the stand-in image (apt-get install busybox-static)");
    }
    String image = "optbench-stack-it/fake-influxdb:it";
    Path context = Files.createDirectories(cache.resolve("image"));
    Files.copy(busybox, context.resolve("busybox"));
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM scratch\n"
            + "COPY busybox /bin/busybox\n"
            + "CMD [\"/bin/busybox\", \"sh\", \"-c\", \"/bin/busybox mkdir -p /www && /bin/busybox"
            + " touch /www/ping && exec /bin/busybox httpd -f -p $INFLUXDB_HTTP_BIND_ADDRESS -h"
            + " /www\"]\n");
    docker("build", "-t", image, context.toString());
    Map<String, String> secret =
        Map.of("OPTBENCH_INFLUX_USER", "stack-it", "OPTBENCH_INFLUX_PASSWORD", "pw-never-shown");
    try {
      Ran up = optbench(secret, "up", "--influx-image", image);

      assertThat(up.exit()).as(up.output()).isZero();
      assertThat(up.output())
          .contains("InfluxDB: started container optbench-stack-influxdb (" + image + ") at ")
          .doesNotContain("pw-never-shown");
      String url = group(up.output(), "--influx=(http://127\\.0\\.0\\.1:\\d+)");
      assertThat(Health.check(url, Component.INFLUXDB).ok()).isTrue();
      String inspect = docker("inspect", "optbench-stack-influxdb");
      assertThat(inspect)
          .contains("\"dev.optbench.stack\": \"influxdb\"")
          .contains("\"dev.optbench.stack.url\": \"" + url + "\"")
          .contains("\"NetworkMode\": \"host\"")
          .contains(
              "\"INFLUXDB_HTTP_BIND_ADDRESS=127.0.0.1:"
                  + url.substring(url.lastIndexOf(':') + 1)
                  + "\"")
          .contains("\"INFLUXDB_ADMIN_PASSWORD=pw-never-shown\"")
          .doesNotContain("dev.optbench.managed");
      assertThat(influxdsOfThisTest()).isEmpty();

      Ran status = optbench(secret, "status", "--influx-image", image);

      assertThat(status.output())
          .containsPattern(
              "InfluxDB +running +container optbench-stack-influxdb +"
                  + Pattern.quote(url)
                  + " +ok \\(/ping 200\\)")
          .doesNotContain("pw-never-shown");

      Ran again = optbench(secret, "up", "--influx-image", image);

      assertThat(again.output())
          .contains("InfluxDB: already running as container optbench-stack-influxdb at " + url);
      assertThat(stackContainers()).hasSize(1);

      Ran down = optbench(Map.of(), "down");

      assertThat(down.output()).contains("removed container optbench-stack-influxdb");
      assertThat(stackContainers()).isEmpty();
    } finally {
      optbench(Map.of(), "down");
      docker("rmi", "-f", image);
    }
  }

  /**
   * The container path with a real InfluxDB: Debian's influxd (the one the local path runs), put
   * into an image here from scratch with the libraries it links and a config that keeps its data
   * under /var/lib/influxdb, where the stack mounts its data folder. No registry here, so not the
   * influxdb:1.8 image itself, but the same server: the stack starts it with its flags, waits for
   * it, creates the database over HTTP, and a point written to the URL it prints reads back.
   */
  @Test
  void aRealInfluxdInAContainerTakesTheRunsPoints() throws Exception {
    Optional<Path> influxd = LocalInfluxd.find("influxd", System.getenv());
    if (influxd.isEmpty()) {
      Services.missing("influxd (apt-get install influxdb)");
    }
    String image = "optbench-stack-it/influxd-debian:it";
    Path context = Files.createDirectories(cache.resolve("influxd-image"));
    Path root = context.resolve("root");
    Path binary = influxd.get().toRealPath();
    copyInto(root, binary, Path.of("/usr/bin/influxd"));
    for (Path lib : linkedLibraries(binary)) {
      copyInto(root, lib.toRealPath(), lib);
    }
    Files.createDirectories(root.resolve("etc/influxdb"));
    Files.createDirectories(root.resolve("tmp"));
    Files.writeString(
        root.resolve("etc/influxdb/influxdb.conf"),
        "[meta]\n  dir = \"/var/lib/influxdb/meta\"\n"
            + "[data]\n  dir = \"/var/lib/influxdb/data\"\n"
            + "  wal-dir = \"/var/lib/influxdb/wal\"\n");
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM scratch\n"
            + "COPY root/ /\n"
            + "ENV INFLUXDB_CONFIG_PATH=/etc/influxdb/influxdb.conf HOME=/tmp\n"
            + "ENTRYPOINT [\"/usr/bin/influxd\"]\n");
    docker("build", "-t", image, context.toString());
    try {
      Ran up = optbench(Map.of(), "up", "--influx-image", image);

      assertThat(up.exit()).as(up.output()).isZero();
      assertThat(up.output())
          .contains("InfluxDB: started container optbench-stack-influxdb (" + image + ") at ");
      String url = group(up.output(), "--influx=(http://127\\.0\\.0\\.1:\\d+)");
      assertThat(influxdsOfThisTest()).as("no local influxd: the container serves").isEmpty();
      assertThat(docker("inspect", "-f", "{{.State.Running}}", "optbench-stack-influxdb"))
          .contains("true");
      try (InfluxDB influx = InfluxDBFactory.connect(url)) {
        assertThat(influx.ping().getVersion()).as("a real InfluxDB answers /ping").startsWith("1.");
        influx.write(
            Stack.DATABASE,
            "autogen",
            Point.measurement("stack_it_probe")
                .time(1_700_000_000_000L, TimeUnit.MILLISECONDS)
                .tag("run_id", "stack-it")
                .addField("value", 42.5)
                .build());
        QueryResult read =
            influx.query(
                new Query(
                    "SELECT value FROM stack_it_probe WHERE run_id='stack-it'", Stack.DATABASE));
        assertThat(read.getResults().get(0).getSeries())
            .singleElement()
            .satisfies(s -> assertThat(s.getValues()).singleElement().asList().contains(42.5));
      }

      Ran down = optbench(Map.of(), "down");

      assertThat(down.output()).contains("removed container optbench-stack-influxdb");
      assertThat(stackContainers()).isEmpty();
      assertThat(Health.check(url, Component.INFLUXDB).ok()).isFalse();
    } finally {
      optbench(Map.of(), "down");
      docker("rmi", "-f", image);
    }
  }

  private static void copyInto(Path root, Path from, Path at) throws IOException {
    Path to = root.resolve(at.toString().substring(1));
    Files.createDirectories(to.getParent());
    Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** The shared libraries {@code ldd} names for a binary, the loader included. */
  private static List<Path> linkedLibraries(Path binary) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<Path> libs = new ArrayList<>();
    Matcher m = Pattern.compile("(/\\S+\\.so[.0-9]*)").matcher(out);
    while (m.find()) {
      libs.add(Path.of(m.group(1)));
    }
    return libs;
  }

  /** The docker CLI on the shared engine. */
  private String docker(String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("docker", "-H", dockerHost));
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
    pb.environment().put("DOCKER_BUILDKIT", "0"); // the classic builder: no buildx plugin here
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0)
        .as(argv + ":\n" + out)
        .isTrue();
    return out;
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex + " in:\n" + text).isTrue();
    return m.group(1);
  }

  /** Live influxd processes run with this test's config, by their command line. */
  private List<Long> influxdsOfThisTest() {
    String config = cache.resolve("stack").resolve("influxd").resolve("influxdb.conf").toString();
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(
            p -> {
              try {
                String cmdline =
                    Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
                return cmdline.contains("influxd") && cmdline.contains(config);
              } catch (IOException | RuntimeException e) {
                return false;
              }
            })
        .map(ProcessHandle::pid)
        .toList();
  }

  private List<String> stackContainers() {
    try (DockerEngine engine = DockerEngine.connect(dockerHost)) {
      return engine
          .client()
          .listContainersCmd()
          .withShowAll(true)
          .withLabelFilter(List.of(ContainerPlan.LABEL))
          .exec()
          .stream()
          .map(c -> c.getNames()[0])
          .toList();
    }
  }
}
