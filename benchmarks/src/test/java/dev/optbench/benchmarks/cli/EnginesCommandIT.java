package dev.optbench.benchmarks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.benchmarks.Main;
import dev.optbench.harness.runtime.docker.ContainerLabels;
import dev.optbench.harness.testing.PrivateDockerd;
import dev.optbench.harness.testing.TestCertificates;
import dev.optbench.harness.testing.TlsEngines;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code optbench engines} against two real engines standing for two machines: each dockerd runs in
 * a network namespace of its own (veth pair, addresses this test assigns) and is reached over TCP
 * with TLS certificates this test makes. Everything made here (engines.daemons(), namespaces,
 * veths, folders) is removed in {@link #tearDown}, also after a failure.
 */
class EnginesCommandIT {
  private static TlsEngines engines;

  @BeforeAll
  static void startTwoEngines() throws Exception {
    engines = TlsEngines.start("engines-it-", 2);
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (engines != null) {
      engines.close();
    }
  }

  private record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n" + out + err;
    }
  }

  private static Run optbench(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static String engine(int i, Path tlsDir) {
    return (i == 0 ? "a" : "b") + "=" + engines.tcp(i) + ",tls=" + tlsDir;
  }

  @Test
  void listsBothEnginesOverTls() {
    Run r =
        optbench(
            "engines",
            "--engine",
            engine(0, engines.certs().clientDir()),
            "--engine",
            engine(1, engines.certs().clientDir()));

    assertThat(r.exit()).as(r.toString()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(1))
        .as(r.toString())
        .startsWith("a ")
        .contains(engines.tcp(0) + " TLS", " ok ");
    assertThat(lines.get(2))
        .as(r.toString())
        .startsWith("b ")
        .contains(engines.tcp(1) + " TLS", " ok ");
    // Both engines.daemons() run on this machine: same CPUs, cgroup v1 as the host.
    assertThat(lines.subList(1, 3)).allSatisfy(l -> assertThat(l).contains("20.10", " v1 "));
    System.out.println("[engines over TLS]\n" + r.out());
  }

  @Test
  void anEnginesFileNamesEachTlsFileAndLabels() throws IOException {
    Path file = engines.dir().resolve("engines.json");
    Files.writeString(
        file,
        """
        {"engines": [
          {"name": "a", "url": "%s", "labels": {"cpu": "same-vm"},
           "tls": {"ca": "certs/client/ca.pem", "cert": "certs/client/cert.pem",
                   "key": "certs/client/key.pem"}},
          {"name": "b", "url": "%s",
           "tls": {"ca": "certs/client/ca.pem", "cert": "certs/client/cert.pem",
                   "key": "certs/client/key.pem"}}]}
        """
            .formatted(engines.tcp(0), engines.tcp(1)));

    Run r = optbench("engines", "--engines-file", file.toString());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains(engines.tcp(0) + " TLS", engines.tcp(1) + " TLS", "  a labels: {cpu=same-vm}");
  }

  @Test
  void tlsMistakesAreOneSentenceEachWithExit2() throws Exception {
    TestCertificates other =
        TestCertificates.create(engines.dir().resolve("other-ca"), "not-the-engines-ca");
    Path noKey = Files.createDirectories(engines.dir().resolve("no-key"));
    Files.copy(engines.certs().clientDir().resolve("ca.pem"), noKey.resolve("ca.pem"));
    Files.copy(engines.certs().clientDir().resolve("cert.pem"), noKey.resolve("cert.pem"));

    Path strangerCert = Files.createDirectories(engines.dir().resolve("stranger"));
    Files.copy(
        engines.certs().ca(),
        strangerCert.resolve("ca.pem")); // the right CA, a client it never signed
    Files.copy(other.clientDir().resolve("cert.pem"), strangerCert.resolve("cert.pem"));
    Files.copy(other.clientDir().resolve("key.pem"), strangerCert.resolve("key.pem"));

    Run wrongCa = optbench("engines", "--engine", engine(0, other.clientDir()));
    Run stranger = optbench("engines", "--engine", engine(0, strangerCert));
    Run plain = optbench("engines", "--engine", "a=" + engines.tcp(0));
    Run missing = optbench("engines", "--engine", engine(0, noKey));
    Run closedPort =
        optbench("engines", "--engine", "a=tcp://" + engines.host(0).address() + ":2377");

    assertThat(wrongCa.exit()).isEqualTo(2);
    assertThat(wrongCa.err())
        .as(wrongCa.toString())
        .contains("engine a: " + engines.tcp(0) + " presented a certificate that the CA in")
        .contains("did not sign");
    assertThat(stranger.exit()).isEqualTo(2);
    assertThat(stranger.err())
        .as(stranger.toString())
        .contains("engine a: " + engines.tcp(0) + " refused the client certificate");
    assertThat(plain.exit()).isEqualTo(2);
    assertThat(plain.err())
        .as(plain.toString())
        .contains("engine a: " + engines.tcp(0) + " speaks TLS but no TLS files were given");
    // Nothing contacted: no table, one sentence naming the file.
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err().strip())
        .isEqualTo(
            "optbench: engine a: TLS client key file "
                + noKey.resolve("key.pem")
                + " does not exist");
    assertThat(closedPort.exit()).isEqualTo(2);
    assertThat(closedPort.err()).contains("No Docker engine answers at", "(connection refused)");
    for (Run r : List.of(wrongCa, stranger, plain, missing, closedPort)) {
      assertThat(r.err().lines().count()).as(r.toString()).isEqualTo(1);
    }
  }

  @Test
  void cleanRemovesLeftoversOnBothEnginesAndKeepsALiveRunsContainer() throws Exception {
    for (PrivateDockerd d : engines.daemons()) {
      docker(
          d,
          "FROM scratch\nLABEL dev.optbench.variant=it\n",
          "build",
          "-t",
          "optbench-it:left",
          "-");
      docker(d, "FROM scratch\nLABEL purpose=kept\n", "build", "-t", "other:kept", "-");
      // A container of a run on a boot long gone (dead owner) and one of this JVM (live owner).
      docker(
          d,
          "",
          "create",
          "--name",
          "optbench-it-dead",
          "--label",
          ContainerLabels.MANAGED + "=true",
          "--label",
          ContainerLabels.OWNER_BOOT_ID + "=an-earlier-boot",
          "--label",
          ContainerLabels.OWNER_PID + "=1",
          "optbench-it:left",
          "/none");
      List<String> live = new ArrayList<>(List.of("create", "--name", "optbench-it-live"));
      ContainerLabels.forContainer("it", Map.of())
          .forEach((k, v) -> live.addAll(List.of("--label", k + "=" + v)));
      live.addAll(List.of("other:kept", "/none"));
      docker(d, "", live.toArray(String[]::new));
    }
    String[] both = {
      "--engine",
      engine(0, engines.certs().clientDir()),
      "--engine",
      engine(1, engines.certs().clientDir())
    };
    Run before = optbench(concat("engines", both));
    assertThat(before.out()).contains("a: optbench-it-dead", "b: optbench-it-dead");

    Run clean = optbench(concat("engines clean", both));

    assertThat(clean.exit()).as(clean.toString()).isZero();
    assertThat(clean.out())
        .contains("a: removed 1 container(s) [optbench-it-dead] and 1 image(s) [optbench-it:left]")
        .contains("b: removed 1 container(s) [optbench-it-dead] and 1 image(s) [optbench-it:left]");
    for (PrivateDockerd d : engines.daemons()) {
      assertThat(docker(d, "", "ps", "-a", "--format", "{{.Names}}").strip())
          .isEqualTo("optbench-it-live");
      assertThat(docker(d, "", "images", "--format", "{{.Repository}}:{{.Tag}}").strip())
          .isEqualTo("other:kept");
    }

    Run all = optbench(concat("engines clean", both, "--all"));
    assertThat(all.out()).contains("a: removed 1 container(s) [optbench-it-live]");
  }

  private static String[] concat(String words, String[] engines, String... more) {
    List<String> all = new ArrayList<>(List.of(words.split(" ")));
    all.addAll(List.of(engines));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** The docker CLI on the daemon's unix socket, {@code stdin} fed (a Dockerfile for build). */
  private static String docker(PrivateDockerd d, String stdin, String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("docker", "-H", d.host()));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    p.getOutputStream().write(stdin.getBytes());
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0)
        .as(argv + ":\n" + out)
        .isTrue();
    return out;
  }
}
