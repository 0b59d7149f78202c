package dev.optbench.benchmarks.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.optbench.harness.engine.Placement;
import dev.optbench.harness.testing.PrivateDockerd;
import dev.optbench.harness.testing.TlsEngines;
import dev.optbench.results.compare.CompareOptions;
import dev.optbench.results.compare.Comparison;
import dev.optbench.results.jmh.JmhJsonReader;
import dev.optbench.results.model.BenchmarkResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job on two named engines standing for two machines, as {@code EnginesCommandIT} makes
 * them: each dockerd in a network namespace of its own, reached over TCP with TLS certificates this
 * test makes (and, once, over its unix socket, which makes it a local engine with time series). The
 * cached O0 and O2 builds, one short unit, three interleaved rounds. Everything made here
 * (engines.daemons() with their images and containers, namespaces, veths, folders) is removed in
 * {@link #tearDown}, also after a failure.
 */
class MainJobEnginesIT {
  private static TlsEngines engines;

  @TempDir Path tmp;

  @BeforeAll
  static void startTwoEngines() throws Exception {
    engines = TlsEngines.start("mainjob-engines-it-", 2);
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (engines != null) {
      engines.close();
    }
  }

  private BenchmarksJar.Finished run(String... options) throws Exception {
    Path workload =
        TestWorkloads.write(tmp.resolve("w.json"), List.of(TestWorkloads.encode("enc", 1)));
    List<String> args =
        new ArrayList<>(
            List.of(
                "--variants",
                "O0,O2",
                "--workload",
                workload.toString(),
                "--min-unit-ms",
                "0",
                "-wi",
                "0",
                "-i",
                "3"));
    args.addAll(List.of(options));
    return runWhenNoOtherRunMeasures(tmp, args);
  }

  /**
   * One measuring run per machine (RunLock): on a shared machine another user's run may hold it;
   * this run then waits its turn (up to 10 minutes) instead of failing for someone else's reason.
   */
  static BenchmarksJar.Finished runWhenNoOtherRunMeasures(Path cwd, List<String> args)
      throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
    while (true) {
      BenchmarksJar.Finished job = BenchmarksJar.runToEnd(cwd, List.of(), args);
      if (!job.output().contains(ANOTHER_RUN) || System.nanoTime() > deadline) {
        return job;
      }
      Thread.sleep(10_000);
    }
  }

  static final String ANOTHER_RUN = "another optbench run is measuring on this machine";

  @Test
  void wholePlacementRunsO0WithTheBaselineOnOneEngineAndLeavesTheOtherUnused() throws Exception {
    BenchmarksJar.Finished job =
        run("--engine", "a=" + engines.tls(0), "--engine", "b=" + engines.tls(1));

    String out = job.output();
    assertThat(job.exit()).as(out).isZero();
    assertThat(out)
        .contains("placement (whole):", "  a: O0, O2", "  b: unused", "[O0@a] image ")
        .contains("engines: whole placement (a: O0, O2); ratios only within an engine")
        .doesNotContain("[O0@b]", "[O2@b]");
    Path run = BenchmarksJar.runFolder(tmp.resolve("optbench-results"));
    RunStatus status = RunStatus.read(run.resolve("run.json"));
    assertThat(status.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(status.placement().variantsByEngine())
        .containsExactly(Map.entry("a", List.of("O0", "O2")));
    assertThat(status.trialsDone()).isEqualTo(2);
    assertThat(out)
        .contains("engine: a on CPUs 0 (--cpuset)")
        .doesNotContain("engines in parallel");
    assertThat(run.resolve("timeline.jsonl")).as("one engine used: no threads").doesNotExist();

    List<BenchmarkResult> rows = new JmhJsonReader().read(run.resolve("jmh.json"));
    assertThat(rows).hasSize(2);
    assertThat(rows).allSatisfy(r -> assertThat(r.params()).containsEntry("engine", "a"));
    Comparison o0 = comparisons(run).get("O0");
    assertThat(o0.onlyInBaseline()).isEmpty();
    assertThat(o0.rows())
        .allSatisfy(r -> assertThat(r.key().params()).containsEntry("engine", "a"));
    assertThat(Files.readString(run.resolve("report.html")))
        .contains("whole placement (a: O0, O2)");
    // A remote engine's containers have no cgroup files here: their series come from the engine's
    // stats API (SCALE-OUT rule 4), one file per sandbox, every point tagged with its engine.
    List<Path> remoteSeries = RunReport.files(run.resolve("samples"), ".lp");
    assertThat(remoteSeries)
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("O0@a.lp", "O2@a.lp");
    for (Path lp : remoteSeries) {
      assertThat(Files.readAllLines(lp))
          .isNotEmpty()
          .allSatisfy(line -> assertThat(line).containsPattern(",engine=a[, ]"));
    }
    for (PrivateDockerd d : engines.daemons()) {
      assertThat(MainJobIT.containers(d.host(), run.getFileName().toString()))
          .as("containers left on " + d.host())
          .isEmpty();
    }
  }

  /**
   * Also: the two engines work side by side, each on a core of its own ({@code cpus=}): in every
   * round a unit on a ran while one on b did ({@code timeline.jsonl}), and the results have the
   * shape they had when the engines took turns.
   */
  @Test
  void everyPlacementRunsEachVariantOnEachEngineAndComparesWithinEach() throws Exception {
    // a through its unix socket: a local engine, whose samples are read here and carry the tag
    BenchmarksJar.Finished job =
        run(
            "--engine",
            "a=" + engines.daemons().get(0).host() + ",cpus=0",
            "--engine",
            "b=" + engines.tls(1) + ",cpus=1",
            "--placement",
            "every");

    String out = job.output();
    assertThat(job.exit()).as(out).isZero();
    assertThat(out)
        .contains("placement (every):", "  a: O0, O2", "  b: O0, O2", "[O0@b] image ")
        .contains("engines in parallel, one thread each: a on CPUs 0, b on CPUs 1")
        .containsPattern("(?m)^\\[round  1/3\\] 4 pairs: .*\\(a: 2 pairs in [0-9.]+s, b: 2 in ")
        .contains("engine a: 6 units measured", "engine b: 6 units measured")
        .containsPattern("measured rounds: 12 units in [0-9.]+s, [0-9.]+ units per minute; two")
        .containsPattern("(?m)^median wall ms +engine +O0 +O2$")
        .containsPattern("(?m)^enc +a +[0-9.]+ +[0-9.]+$")
        .containsPattern("(?m)^enc +b +[0-9.]+ +[0-9.]+$");
    Path run = BenchmarksJar.runFolder(tmp.resolve("optbench-results"));
    RunStatus status = RunStatus.read(run.resolve("run.json"));
    assertThat(status.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(status.placement().rule()).isEqualTo(Placement.EVERY);
    assertThat(status.trialsDone()).isEqualTo(4);

    List<BenchmarkResult> rows = new JmhJsonReader().read(run.resolve("jmh.json"));
    assertThat(rows)
        .extracting(r -> r.params().get("variant") + "@" + r.params().get("engine"))
        .containsExactly("O0@a", "O0@b", "O2@a", "O2@b");
    Comparison o0 = comparisons(run).get("O0");
    assertThat(o0.onlyInBaseline()).isEmpty();
    assertThat(o0.onlyInCandidate()).isEmpty();
    assertThat(o0.rows().stream().filter(r -> r.metric().equals("wall")))
        .extracting(r -> r.key().params().get("engine"))
        .containsExactly("a", "b");

    assertThat(rows).allSatisfy(r -> assertThat(r.primaryMetric().samples()).hasSize(3));
    assertEnginesOverlappedInEveryRound(run.resolve("timeline.jsonl"), 3);

    // a's from its cgroup files, b's from b's stats API: each file's points carry its engine
    List<Path> series = RunReport.files(run.resolve("samples"), ".lp");
    assertThat(series)
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("O0@a.lp", "O2@a.lp", "O0@b.lp", "O2@b.lp");
    for (Path lp : series) {
      String engine = lp.getFileName().toString().replaceAll("^O[0-9]@(.)\\.lp$", "$1");
      assertThat(Files.readAllLines(lp))
          .isNotEmpty()
          .allSatisfy(line -> assertThat(line).containsPattern(",engine=" + engine + "[, ]"));
    }
    for (PrivateDockerd d : engines.daemons()) {
      assertThat(MainJobIT.containers(d.host(), run.getFileName().toString()))
          .as("containers left on " + d.host())
          .isEmpty();
    }
  }

  @Test
  void jmhOrderRunsJmhOncePerEngineAndMergesTheEngineParamIntoOneFile() throws Exception {
    BenchmarksJar.Finished job =
        run(
            "--engine",
            "a=" + engines.daemons().get(0).host(),
            "--engine",
            "b=" + engines.tls(1),
            "--placement",
            "every",
            "--order",
            "jmh",
            "-f",
            "1");

    String out = job.output();
    assertThat(job.exit()).as(out).isZero();
    assertThat(out).contains("engine a: O0, O2", "engine b: O0, O2");
    Path run = BenchmarksJar.runFolder(tmp.resolve("optbench-results"));
    assertThat(RunStatus.read(run.resolve("run.json")).status()).isEqualTo(RunStatus.COMPLETE);
    List<BenchmarkResult> rows = new JmhJsonReader().read(run.resolve("jmh.json"));
    assertThat(rows)
        .extracting(r -> r.params().get("variant") + "@" + r.params().get("engine"))
        .containsExactlyInAnyOrder("O0@a", "O2@a", "O0@b", "O2@b");
    assertThat(run.resolve("jmh.partial.json")).doesNotExist();
    Comparison o0 = comparisons(run).get("O0");
    assertThat(o0.onlyInBaseline()).isEmpty();
    assertThat(o0.rows().stream().filter(r -> r.metric().equals("wall")))
        .extracting(r -> r.key().params().get("engine"))
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void anEngineThatDoesNotAnswerEndsTheRunBeforeAnyBuildWithOneSentence() throws Exception {
    BenchmarksJar.Finished job =
        run(
            "--engine",
            "b=tcp://" + engines.host(1).address() + ":2377", // nothing listens there
            "--engine",
            "a=" + engines.tls(0));

    assertThat(job.exit()).as(job.output()).isEqualTo(2);
    assertThat(job.output())
        .contains("optbench: engine b: No Docker engine answers at tcp://")
        .doesNotContain("placement");
    assertThat(tmp.resolve("optbench-results")).doesNotExist();
  }

  /**
   * {@code cadvisor=} on an engine: its sandboxes' series come from that cAdvisor instead of the
   * engine's stats API, asked for by the container's Docker id (a remote engine's units run in the
   * container's own cgroup), with the engine and unit tags. The cAdvisor is the harness's fixture
   * (harness/src/test/resources/cadvisor/README.md) served from 127.0.0.1 with a fresh timestamp
   * per poll: this JVM's main job polls it, not the engine. Its constant CPU counter is in no real
   * reading, so every point carrying it came from the fixture. A cAdvisor that does not answer is
   * bad input before any build, as with {@code --cadvisor}.
   */
  @Test
  void anEnginesOwnCadvisorGivesItsSeriesTaggedWithTheEngineAndUnit() throws Exception {
    HttpServer gone = cadvisorFixture(new CopyOnWriteArrayList<>());
    String goneUrl = "http://127.0.0.1:" + gone.getAddress().getPort();
    gone.stop(0);
    BenchmarksJar.Finished refused =
        run("--engine", "a=" + engines.tls(0) + ",cadvisor=" + goneUrl);
    assertThat(refused.exit()).as(refused.output()).isEqualTo(2);
    assertThat(refused.output())
        .contains("optbench: no cAdvisor answers at " + goneUrl)
        .contains("drop engine a's cadvisor=")
        .doesNotContain("placement");
    assertThat(tmp.resolve("optbench-results")).doesNotExist();

    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer cadvisor = cadvisorFixture(requests);
    String url = "http://127.0.0.1:" + cadvisor.getAddress().getPort();
    BenchmarksJar.Finished job;
    try {
      job = run("--engine", "a=" + engines.tls(0) + ",cadvisor=" + url);
    } finally {
      cadvisor.stop(0);
    }

    String out = job.output();
    assertThat(job.exit()).as(out).isZero();
    assertThat(out).containsOnlyOnce("engine a: series from cAdvisor " + url);
    assertThat(requests)
        .isNotEmpty()
        .allSatisfy(
            r -> assertThat(r).matches("/api/v2.0/stats/[0-9a-f]{64}\\?type=docker&count=1"));
    Path run = BenchmarksJar.runFolder(tmp.resolve("optbench-results"));
    List<Path> series = RunReport.files(run.resolve("samples"), ".lp");
    assertThat(series)
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("O0@a.lp", "O2@a.lp");
    for (Path lp : series) {
      List<String> cpu =
          Files.readAllLines(lp).stream().filter(l -> l.startsWith("cpu_usage_total,")).toList();
      assertThat(cpu)
          .as(lp.toString())
          .isNotEmpty()
          .allSatisfy(
              line ->
                  assertThat(line)
                      .containsPattern(",engine=a[, ]")
                      .contains(",run_id=" + run.getFileName() + ",")
                      .contains(" value=1523456789 "))
          .anySatisfy(line -> assertThat(line).containsPattern(",unit=enc[, ]"));
    }
    for (PrivateDockerd d : engines.daemons()) {
      assertThat(MainJobIT.containers(d.host(), run.getFileName().toString()))
          .as("containers left on " + d.host())
          .isEmpty();
    }
  }

  /**
   * cAdvisor's REST API v2.0 on 127.0.0.1: the fixture's stats, with a fresh timestamp per poll so
   * every poll is a new reading; the stats requests are recorded.
   */
  private static HttpServer cadvisorFixture(List<String> requests) throws IOException {
    String fixture;
    try (InputStream in = MainJobEnginesIT.class.getResourceAsStream("/cadvisor/stats-1.json")) {
      fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v2.0/version", e -> answer(e, "\"0.47.2\""));
    server.createContext(
        "/api/v2.0/stats/",
        e -> {
          requests.add(e.getRequestURI().toString());
          answer(
              e,
              fixture.replaceAll(
                  "\"timestamp\": \"[^\"]+\"", "\"timestamp\": \"" + Instant.now() + "\""));
        });
    server.start();
    return server;
  }

  private static void answer(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream o = exchange.getResponseBody()) {
      o.write(bytes);
    }
  }

  /**
   * Each measured round of {@code timeline.jsonl} has an invocation on a and one on b whose spans
   * overlap: the engines ran side by side, not in turn.
   */
  static void assertEnginesOverlappedInEveryRound(Path timeline, int rounds) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, List<JsonNode>> byRound = new java.util.TreeMap<>();
    for (String line : Files.readAllLines(timeline)) {
      JsonNode i = json.readTree(line);
      byRound.computeIfAbsent(i.get("round").asText(), r -> new ArrayList<>()).add(i);
    }
    assertThat(byRound).as("measured rounds in " + timeline).hasSize(rounds);
    byRound.forEach(
        (round, invocations) -> {
          boolean overlapped = false;
          for (JsonNode x : invocations) {
            for (JsonNode y : invocations) {
              overlapped |=
                  x.get("engine").asText().equals("a")
                      && y.get("engine").asText().equals("b")
                      && start(x) < end(y)
                      && start(y) < end(x);
            }
          }
          assertThat(overlapped).as("a unit on a ran while one on b did, round " + round).isTrue();
          assertThat(invocations)
              .allSatisfy(
                  i ->
                      assertThat(i.get("spanMs").asDouble())
                          .isGreaterThanOrEqualTo(i.get("unitWallMs").asDouble()));
        });
  }

  private static double start(JsonNode i) {
    Instant t = Instant.parse(i.get("start").asText());
    return t.getEpochSecond() * 1e3 + t.getNano() / 1e6;
  }

  private static double end(JsonNode i) {
    return start(i) + i.get("spanMs").asDouble();
  }

  private static Map<String, Comparison> comparisons(Path run) throws IOException {
    return Comparison.againstBaseline(
        "O2",
        RunReport.variants(run.resolve("jmh.json")),
        CompareOptions.defaults().withPaired(true));
  }
}
