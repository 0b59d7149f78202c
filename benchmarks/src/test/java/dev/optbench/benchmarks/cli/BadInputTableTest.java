package dev.optbench.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.benchmarks.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The bad-input table (also in BAD-INPUT.md): each row is an argv (with {@code {dir}} standing for
 * a fresh temp folder holding the case's files) and what the user must get: exit 2, a message
 * fragment, within seconds (no build starts: the cache stays empty), nothing written (the folder's
 * listing is the same before and after, and no default output folder appears).
 */
class BadInputTableTest {
  /** Refusing must take seconds: a build takes minutes. Spec checks compile a tiny program. */
  private static final double SECONDS = 20;

  private static final String UNIT = "{\"id\":\"%s\",\"template\":\"VIDEO_TRANSCODE\",\"argv\":%s}";
  private static final String GOOD_ARGV =
      "[\"ffmpeg\",\"-f\",\"lavfi\",\"-i\",\"testsrc2=duration=1\",\"-f\",\"null\",\"-\"]";
  private static final String JMH_ONE =
      "[{\"benchmark\":\"a.B.%s\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":1,"
          + "\"scoreError\":0,\"scoreConfidence\":[1,1],\"scoreUnit\":\"ms/op\","
          + "\"rawData\":[[1,1,1,1,1]]}}]";

  private Path dir;

  /** The rows as run, for BAD-INPUT.md: target/bad-input-table.md. */
  private static final List<String> TABLE = new java.util.concurrent.CopyOnWriteArrayList<>();

  @org.junit.jupiter.api.AfterAll
  static void writeTable() throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "bad-input-table.md"), TABLE);
  }

  record Case(String name, List<String> argv, Map<String, String> files, String fragment) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case c(String name, String argv, String fragment, String... files) {
    Map<String, String> f = new TreeMap<>();
    for (int i = 0; i < files.length; i += 2) {
      f.put(files[i], files[i + 1]);
    }
    // "~" is a space inside one argument
    return new Case(
        name, Stream.of(argv.split(" ")).map(a -> a.replace('~', ' ')).toList(), f, fragment);
  }

  static String workload(String... units) {
    return "{\"format\":\"optbench-workload/1\",\"units\":[" + String.join(",", units) + "]}";
  }

  static String unit(String id, String argv) {
    return String.format(UNIT, id, argv);
  }

  static Stream<Case> cases() {
    String w = "--variants O2 --workload {dir}/w.json";
    return Stream.of(
        // unknown subcommands and options, everywhere, with "did you mean"
        c("unknown subcommand", "frobnicate", "unknown subcommand 'frobnicate'"),
        c("mistyped subcommand", "buidl", "did you mean build"),
        c("main: mistyped option", "--varients O0", "did you mean --variants"),
        c("main: unknown option", "--bogus", "bogus"),
        c("build: mistyped option", "build --varients O0", "unknown option '--varients'"),
        c("build: stray argument", "build O0", "'O0'"),
        c("run: unknown option", "run --bogus -- ffmpeg", "unknown option '--bogus'"),
        c("generate: unknown option", "generate --budjet 5", "did you mean --budget"),
        c("report: unknown option", "report --in {dir} --bogus", "unknown option '--bogus'"),
        c("grafana: unknown option", "grafana --out {dir}/g --bogus", "unknown option '--bogus'"),
        c("report: mistyped option", "report --in {dir} --outt x", "did you mean --out"),
        c("doctor: unknown option", "doctor --bogus", "unknown option '--bogus'"),
        c(
            "compare: unknown option",
            "compare --baseline {dir}/a --candidate {dir}/b --bogus 1",
            "unknown option '--bogus'"),
        c("bad number", "--units many", "'many' is not an int"),
        // variant specs
        c(
            "-O9 on the command line",
            "--variants x=-O9",
            "-O9, which the compilers do not document"),
        c("two -O levels on the command line", "--variants x=-O2~-O3", "2 optimisation levels"),
        c("unknown preset", "--variants O9", "unknown variant 'O9'"),
        c(
            "two -O levels in a spec file",
            "--spec {dir}/s.yaml",
            "2 optimisation levels [-O2, -O3]",
            "s.yaml",
            "variants:\n  - name: two\n    opt: [-O2, -O3]\n"),
        c(
            "-O9 in a spec file",
            "--spec {dir}/s.yaml",
            "-O9",
            "s.yaml",
            "variants:\n  - name: nine\n    opt: [-O9]\n"),
        c("build -O9", "build --variants x=-O9 --out {dir}/out", "do not document"),
        // limits
        c("cpuset outside the allowed CPUs", "--variants O2 --cpuset 99", "--cpuset 99 names CPUs"),
        c("cpuset not a list", "--variants O2 --cpuset abc", "not a CPU list"),
        c("memory 1k", "--variants O2 --memory 1k", "--memory 1024 bytes is below"),
        c("memory not a size", "--variants O2 --memory lots", "not a size"),
        c("timeout 0", "--variants O2 --timeout 0", "--timeout must be more than zero"),
        c("interval 0", "--variants O2 --interval 0", "--interval must be more than zero"),
        // the precision target (issue 13 item 5)
        c("precision not a number", "--variants O2 --precision abc", "not 'abc'"),
        c("precision 100 %", "--variants O2 --precision 100%", "below 100"),
        c("max-rounds with fixed -i", "--variants O2 -i 8 --max-rounds 30", "give --precision too"),
        c("max-rounds below -i", "--variants O2 --precision 2 --max-rounds 5", "below the 6"),
        c("max-rounds below the start", "--variants O2 --max-rounds 4", "below the 6 rounds a run"),
        c("precision with JMH order", "--variants O2 --precision 2 --order jmh", "--order jmh"),
        // unit length and core reservation (issue 13 items 4 and 5)
        c("min-unit-ms negative", "--variants O2 --min-unit-ms -5", "from 0 (units as written)"),
        c("min-unit-ms too long", "--variants O2 --min-unit-ms 90000", "to 60000"),
        c(
            "reserve-cores with processes",
            "--variants O2 --runtime process --reserve-cores",
            "needs the cgroup or docker runtime"),
        // named engines (issue 16): refused before any build, nothing written
        c("placement not a rule", "--variants O2 --placement spread", "not 'spread'"),
        c("placement without engines", "--variants O2 --placement every", "give --engine too"),
        c(
            "engine with another runtime",
            "--variants O2 --engine a=unix:///nonexistent.sock --runtime cgroup",
            "--runtime cgroup was asked for"),
        c(
            "engine with reserve-cores",
            "--variants O2 --engine a=unix:///nonexistent.sock --reserve-cores",
            "drop one of the two"),
        c(
            "engine without a daemon",
            "--variants O2 --engine a=unix:///nonexistent.sock",
            "engine a: No Docker engine answers at unix:///nonexistent.sock (no such socket):"
                + " start dockerd, point DOCKER_HOST or --engine at a running engine, or choose"
                + " another runtime"),
        c(
            "engine: TLS folder without files",
            "--variants O2 --engine a=tcp://127.0.0.1:2376,tls={dir}/none",
            "engine a: TLS"),
        c(
            "engine: cpus not a CPU list",
            "--variants O2 --engine a=unix:///nonexistent.sock,cpus=one",
            "engine a: cpus 'one' is not a CPU list"),
        c("units 0", "--variants O2 --units 0", "--units must be at least 1"),
        c("budget 0", "--variants O2 --budget 0", "--budget must be at least 1"),
        c("jobs 0", "--variants O2 --jobs 0", "--jobs must be at least 1"),
        c("run: timeout 0", "run --timeout 0 -- ffmpeg -version", "--timeout must be more"),
        c("run: cpuset 99", "run --cpuset 99 -- ffmpeg -version", "names CPUs"),
        c("run: memory 1k", "run --memory 1k -- ffmpeg -version", "below"),
        // what a unit may run
        c(
            "run: the helper as argv[0]",
            "run -n 1 -- optbench-exec -- /bin/sh -c id",
            "runs 'optbench-exec'"),
        c("run: a shell", "run -- /bin/sh -c id", "runs '/bin/sh'"),
        c("run: an absolute path", "run -- /usr/bin/ffmpeg -version", "runs '/usr/bin/ffmpeg'"),
        c(
            "workload: the helper",
            w,
            "runs 'optbench-exec'",
            "w.json",
            workload(unit("a", "[\"optbench-exec\",\"--\",\"/bin/sh\",\"-c\",\"id > /tmp/x\"]"))),
        c(
            "workload: a shell",
            w,
            "runs '/bin/sh'",
            "w.json",
            workload(unit("a", "[\"/bin/sh\",\"-c\",\"id\"]"))),
        c(
            "workload: an absolute program path",
            w,
            "runs '/tmp/ffmpeg'",
            "w.json",
            workload(unit("a", "[\"/tmp/ffmpeg\",\"-version\"]"))),
        c(
            "workload: an absolute output path",
            w,
            "'/etc/x.mkv', a path outside its work folder",
            "w.json",
            workload(unit("a", "[\"ffmpeg\",\"-i\",\"in.mkv\",\"/etc/x.mkv\"]"))),
        c(
            "workload: a path climbing out",
            w,
            "outside its work folder",
            "w.json",
            workload(unit("a", "[\"ffmpeg\",\"-i\",\"../../in.mkv\",\"out.mkv\"]"))),
        c(
            "workload: an input render with the helper",
            w,
            "the render of input 'inputs/a.mkv' runs 'optbench-exec'",
            "w.json",
            "{\"format\":\"optbench-workload/1\",\"inputs\":[{\"path\":\"inputs/a.mkv\","
                + "\"argv\":[\"optbench-exec\",\"--\",\"/bin/sh\"]}],\"units\":["
                + unit("a", GOOD_ARGV)
                + "]}"),
        c(
            "workload: duplicate unit ids",
            w,
            "unit 'a' appears twice",
            "w.json",
            workload(unit("a", GOOD_ARGV), unit("a", GOOD_ARGV))),
        c(
            "workload: a unit id that is a path",
            w,
            "has the id '../../../../tmp/evil'",
            "w.json",
            workload(unit("../../../../tmp/evil", GOOD_ARGV))),
        c(
            "workload: empty argv",
            w,
            "unit 'a' has an empty argv",
            "w.json",
            workload(unit("a", "[]"))),
        c(
            "workload: no argv",
            w,
            "unit 'a' has no \"argv\"",
            "w.json",
            workload("{\"id\":\"a\",\"template\":\"VIDEO_TRANSCODE\"}")),
        c(
            "workload: no id",
            w,
            "unit #1 has no \"id\"",
            "w.json",
            workload("{\"template\":\"VIDEO_TRANSCODE\",\"argv\":" + GOOD_ARGV + "}")),
        c("workload: no units", w, "it has no units", "w.json", workload()),
        c(
            "workload: wrong format",
            w,
            "has format 'other/1'",
            "w.json",
            "{\"format\":\"other/1\",\"units\":[]}"),
        c("workload: not JSON", w, "is not an optbench workload", "w.json", "{oops"),
        c("workload: missing", w, "does not exist", "x.json", ""),
        // compare
        c(
            "compare: missing file",
            "compare --baseline {dir}/nope.json --candidate {dir}/b.json",
            "nope.json does not exist",
            "b.json",
            String.format(JMH_ONE, "x")),
        c(
            "compare: a folder",
            "compare --baseline {dir} --candidate {dir}/b.json",
            "is a folder, not a JMH JSON file",
            "b.json",
            String.format(JMH_ONE, "x")),
        c(
            "compare: --max-regression abc",
            "compare --baseline {dir}/b.json --candidate {dir}/b.json --max-regression abc",
            "--max-regression 'abc' is not a number; give e.g. --max-regression 5% or 0.05",
            "b.json",
            String.format(JMH_ONE, "x")),
        c(
            "compare: --format xml",
            "compare --baseline {dir}/b.json --candidate {dir}/b.json --format xml",
            "--format 'xml' is not one of [text, markdown, csv, json]",
            "b.json",
            String.format(JMH_ONE, "x")),
        c(
            "compare: --statistic mode",
            "compare --baseline {dir}/b.json --candidate {dir}/b.json --statistic mode",
            "is not one of [mean, median]",
            "b.json",
            String.format(JMH_ONE, "x")),
        c(
            "compare: empty file",
            "compare --baseline {dir}/e.json --candidate {dir}/b.json",
            "e.json: empty, not a JMH result file",
            "e.json",
            "",
            "b.json",
            String.format(JMH_ONE, "x")),
        c(
            "compare: files with no benchmark in common",
            "compare --baseline {dir}/a.json --candidate {dir}/b.json",
            "no benchmark with raw data appears in both files",
            "a.json",
            String.format(JMH_ONE, "x"),
            "b.json",
            String.format(JMH_ONE, "y")),
        c(
            "compare: garbage",
            "compare --baseline {dir}/g.json --candidate {dir}/g.json",
            "g.json is not a JMH result file (not JSON",
            "g.json",
            "\u00e9\u00e9 not json"),
        // report, --out, defaults file
        c(
            "report: garbage JMH JSON",
            "report --in {dir} --out {dir}/r.html",
            "O2.json is not a JMH result file",
            "O2.json",
            "garbage"),
        c("report: --in missing", "report --in {dir}/none", "is not a folder"),
        c(
            "report: unwritable --out",
            "report --in {dir} --out /proc/x/r.html",
            "--out /proc/x",
            "O2.json",
            String.format(JMH_ONE, "x")),
        c("grafana: unwritable --out", "grafana --out /proc/x", "--out /proc/x is not writable"),
        c("main: unwritable --results", "--variants O2 --results /proc/x", "--results /proc/x"),
        c("run: unwritable --out", "run --out /proc/x -- ffmpeg -version", "--out /proc/x"),
        c("build: unwritable --out", "build --variants O2 --out /proc/x", "--out /proc/x"));
  }

  private final StringWriter err = new StringWriter();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream stdout;
  private PrintStream stderr;

  @BeforeEach
  void captureStdout() throws IOException {
    dir = Files.createTempDirectory("optbench-bad-input");
    stdout = System.out;
    stderr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    // the compare gate (results module) writes to System.err itself
    System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStdout() throws IOException {
    System.setOut(stdout);
    System.setErr(stderr);
    // each case's folder goes too: 80 cases a run left 80 folders in /tmp for good
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedAtOnceWithAClearSentenceAndNothingWritten(Case k) throws IOException {
    for (Map.Entry<String, String> f : k.files().entrySet()) {
      if (!f.getKey().equals("x.json")) {
        Files.writeString(dir.resolve(f.getKey()), f.getValue());
      }
    }
    Path cache = dir.resolve("cache");
    List<String> argv = new ArrayList<>();
    for (String a : k.argv()) {
      argv.add(a.replace("{dir}", dir.toString()));
    }
    boolean main =
        !List.of("build", "run", "generate", "report", "grafana", "doctor", "compare")
            .contains(argv.get(0));
    if (main && !argv.contains("--results")) {
      argv.addAll(List.of("--results", dir.resolve("results").toString()));
    }
    if (main || List.of("build", "run").contains(argv.get(0))) {
      argv.addAll(
          argv.indexOf("--") < 0 ? argv.size() : argv.indexOf("--"),
          List.of("--cache", cache.toString()));
    }
    List<String> before = listing(dir);
    boolean hadDefaultOut = Files.exists(Path.of("optbench-out"));
    boolean hadDefaultResults = Files.exists(Path.of("optbench-results"));

    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    long started = System.nanoTime();
    int exit = cl.execute(argv.toArray(String[]::new));
    double seconds = (System.nanoTime() - started) / 1e9;

    String message = err + out.toString(StandardCharsets.UTF_8);
    TABLE.add(
        "| "
            + k.name()
            + " | `"
            + String.join(" ", k.argv())
            + "` | "
            + exit
            + " | "
            + message
                .strip()
                .replace(dir.toString(), "DIR")
                .replace("|", "\\|")
                .replace("\n", " / ")
            + " |");
    assertThat(exit).as("exit code; output: %s", message).isEqualTo(2);
    assertThat(message).contains(k.fragment());
    assertThat(message).doesNotContain("GATE PASSED", "Exception", "\tat ");
    assertThat(seconds).as("seconds to refuse").isLessThan(SECONDS);
    assertThat(listing(dir)).as("nothing written in %s", dir).isEqualTo(before);
    assertThat(Files.exists(Path.of("optbench-out"))).as("default output").isEqualTo(hadDefaultOut);
    assertThat(Files.exists(Path.of("optbench-results")))
        .as("default results")
        .isEqualTo(hadDefaultResults);
  }

  @org.junit.jupiter.api.Test
  void aBadValueInTheDefaultsFileNamesTheFile() throws IOException {
    Path defaults = Files.writeString(dir.resolve("defaults.properties"), "units=abc\n");
    String key = "picocli.defaults.optbench.path";
    String old = System.getProperty(key);
    System.setProperty(key, defaults.toString());
    try {
      CommandLine cl = Main.commandLine();
      cl.setErr(new PrintWriter(err, true));
      List<String> before = listing(dir);
      int exit = cl.execute("--variants", "O2", "--results", dir.resolve("r").toString());
      assertThat(exit).isEqualTo(2);
      assertThat(err.toString())
          .contains("'abc' is not an int", "from the defaults file " + defaults)
          .hasLineCount(1);
      assertThat(listing(dir)).isEqualTo(before);
    } finally {
      if (old == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, old);
      }
    }
  }

  private static List<String> listing(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }
}
