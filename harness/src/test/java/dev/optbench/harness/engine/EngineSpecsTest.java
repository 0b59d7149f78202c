package dev.optbench.harness.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optbench.harness.runtime.docker.TlsFiles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSpecsTest {
  @TempDir Path dir;

  @Test
  void optionsNameUrlAndACertFolder() {
    List<EngineSpec> specs =
        EngineSpecs.of(List.of("a=unix:///run/a.sock", "b=tcp://10.0.0.2:2376,tls=/etc/b"), null);

    assertThat(specs)
        .containsExactly(
            new EngineSpec("a", "unix:///run/a.sock", TlsFiles.NONE, Map.of()),
            new EngineSpec(
                "b", "tcp://10.0.0.2:2376", TlsFiles.inFolder(Path.of("/etc/b")), Map.of()));
    assertThat(specs.get(1).tls().key()).isEqualTo(Path.of("/etc/b/key.pem"));
    assertThat(specs.get(1).describe()).isEqualTo("b (tcp://10.0.0.2:2376, TLS)");
  }

  @Test
  void anEngineMayCarryItsOwnCpusetAsOptionOrLabel() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("engines.json"),
            "{\"engines\": [{\"name\": \"c\", \"url\": \"unix:///c\","
                + " \"labels\": {\"cpus\": \"1\"}}]}");

    List<EngineSpec> specs =
        EngineSpecs.of(
            List.of("a=tcp://10.0.0.2:2376,cpus=0,2-3,tls=/etc/a", "b=unix:///b.sock"), file);

    assertThat(specs.get(0).cpuset()).isEqualTo("0,2-3");
    assertThat(specs.get(0).tls()).isEqualTo(TlsFiles.inFolder(Path.of("/etc/a")));
    assertThat(specs.get(1).cpuset()).as("none given: the run's --cpuset").isEmpty();
    assertThat(specs.get(2).cpuset()).isEqualTo("1");
  }

  @Test
  void anEngineMayNameTheCadvisorOnItsHostAsOptionOrLabel() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("engines.json"),
            "{\"engines\": [{\"name\": \"c\", \"url\": \"tcp://10.0.0.4:2376\","
                + " \"labels\": {\"cadvisor\": \"https://[fd00::4]:8443/base/\"}}]}");

    List<EngineSpec> specs =
        EngineSpecs.of(
            List.of(
                "a=tcp://10.0.0.2:2376,tls=/etc/a,cadvisor=http://10.0.0.2:8080,cpus=0,2",
                "b=tcp://10.0.0.3:2376"),
            file);

    assertThat(specs.get(0).cadvisor()).contains(URI.create("http://10.0.0.2:8080"));
    assertThat(specs.get(0).cpuset()).isEqualTo("0,2");
    assertThat(specs.get(0).tls()).isEqualTo(TlsFiles.inFolder(Path.of("/etc/a")));
    assertThat(specs.get(1).cadvisor()).as("none named: the engine's stats API").isEmpty();
    assertThat(specs.get(2).cadvisor()).contains(URI.create("https://[fd00::4]:8443/base/"));
  }

  @Test
  void aCadvisorThatIsNoHttpUrlIsOneSentence() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("engines.json"),
            "{\"engines\": [{\"name\": \"c\", \"url\": \"tcp://h:1\","
                + " \"labels\": {\"cadvisor\": \"10.0.0.4:8080\"}}]}");
    String hint =
        "' is not an http(s) URL; give the cAdvisor on that host, e.g. http://10.0.0.2:8080";

    assertThatThrownBy(() -> EngineSpecs.of(List.of("a=tcp://h:1,cadvisor=ftp://h:21"), null))
        .hasMessage("engine a: cadvisor 'ftp://h:21" + hint);
    assertThatThrownBy(() -> EngineSpecs.of(List.of("a=tcp://h:1,cadvisor="), null))
        .hasMessage("engine a: cadvisor '" + hint);
    assertThatThrownBy(() -> EngineSpecs.of(List.of("a=tcp://h:1,cadvisor=http://"), null))
        .hasMessage("engine a: cadvisor 'http://" + hint);
    assertThatThrownBy(() -> EngineSpecs.of(List.of("a=tcp://h:1,cadvisor=http://h:1/%zz"), null))
        .hasMessage("engine a: cadvisor 'http://h:1/%zz" + hint);
    assertThatThrownBy(() -> EngineSpecs.of(List.of(), file))
        .hasMessage("engine c: cadvisor '10.0.0.4:8080" + hint);
  }

  @Test
  void withNeitherTheLocalEngineIsUsed() {
    assertThat(EngineSpecs.of(List.of(), null)).containsExactly(EngineSpec.local());
  }

  @Test
  void theLocalEngineReadsTheDockerClisEnvironment() {
    assertThat(EngineSpec.local(Map.of()).url()).isEqualTo("unix:///var/run/docker.sock");
    assertThat(EngineSpec.local(Map.of("DOCKER_HOST", "tcp://h:2376", "DOCKER_TLS_VERIFY", "0")))
        .isEqualTo(new EngineSpec("local", "tcp://h:2376", TlsFiles.NONE, Map.of()));
    assertThat(
            EngineSpec.local(
                    Map.of(
                        "DOCKER_HOST", "tcp://h:2376",
                        "DOCKER_TLS_VERIFY", "1",
                        "DOCKER_CERT_PATH", "/certs"))
                .tls())
        .isEqualTo(TlsFiles.inFolder(Path.of("/certs")));
  }

  @Test
  void aFileResolvesTlsPathsFromItsFolderAndKeepsLabels() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("engines.json"),
            """
            {"engines": [{"name": "x", "url": "tcp://10.0.0.3:2376", "labels": {"cpu": "e5"},
              "tls": {"ca": "c/ca.pem", "cert": "/abs/cert.pem", "key": "c/key.pem"}}]}
            """);

    EngineSpec x = EngineSpecs.of(List.of("y=tcp://10.0.0.4:2375"), file).get(1);

    assertThat(x.labels()).isEqualTo(Map.of("cpu", "e5"));
    assertThat(x.tls())
        .isEqualTo(
            new TlsFiles(
                dir.resolve("c/ca.pem"), Path.of("/abs/cert.pem"), dir.resolve("c/key.pem")));
  }

  @Test
  void mistakesAreOneSentenceNamingTheCulprit() throws Exception {
    Path typo =
        Files.writeString(
            dir.resolve("typo.json"), "{\"engines\": [{\"name\": \"x\", \"uri\": \"tcp://h:1\"}]}");
    Path partialTls =
        Files.writeString(
            dir.resolve("tls.json"),
            "{\"engines\": [{\"name\": \"x\", \"url\": \"tcp://h:1\", \"tls\": {\"ca\": \"a\"}}]}");

    assertThatThrownBy(() -> EngineSpecs.of(List.of("a=tcp://h:1", "a=tcp://h:2"), null))
        .hasMessage("engine name 'a' is given twice");
    assertThatThrownBy(() -> EngineSpecs.of(List.of("tcp://h:1"), null))
        .hasMessage("--engine 'tcp://h:1' must read NAME=URL or NAME=URL,tls=DIR");
    assertThatThrownBy(() -> EngineSpecs.of(List.of("a=http://h:1"), null))
        .hasMessage("engine a: URL 'http://h:1' must start with unix:// or tcp://");
    assertThatThrownBy(() -> EngineSpecs.of(List.of("a=tcp://h"), null))
        .hasMessage("engine a: URL 'tcp://h' must read tcp://HOST:PORT (2376 for TLS)");
    assertThatThrownBy(() -> EngineSpecs.of(List.of("a=unix:///s,tls=/d"), null))
        .hasMessage("engine a: TLS files are for tcp:// engines, not unix:///s");
    assertThatThrownBy(() -> EngineSpecs.of(List.of("a=tcp://h:1,cert=/d"), null))
        .hasMessage(
            "--engine 'a=tcp://h:1,cert=/d': 'cert=/d' is none of tls=DIR, cpus=LIST,"
                + " cadvisor=URL");
    assertThatThrownBy(() -> EngineSpecs.of(List.of("a=tcp://h:1,cpus=x"), null))
        .hasMessage("engine a: cpus 'x' is not a CPU list; write it like 0, 1 or 0-1");
    assertThatThrownBy(() -> EngineSpecs.of(List.of("a=tcp://h:1,cpus="), null))
        .hasMessage("engine a: cpus '' is not a CPU list; write it like 0, 1 or 0-1");
    assertThatThrownBy(() -> EngineSpecs.of(List.of("a b=tcp://h:1"), null))
        .hasMessageStartingWith("engine name 'a b' is not usable");
    assertThatThrownBy(() -> EngineSpecs.of(List.of(), typo))
        .hasMessageStartingWith(
            "engines file " + typo + " is not valid: Unrecognized field \"uri\"");
    assertThatThrownBy(() -> EngineSpecs.of(List.of(), partialTls))
        .hasMessage(
            "engines file " + partialTls + ": engine x needs all of tls.ca, tls.cert, tls.key");
    assertThatThrownBy(() -> EngineSpecs.of(List.of(), dir.resolve("none.json")))
        .hasMessageStartingWith("engines file " + dir.resolve("none.json") + " is not readable");
  }

  @Test
  void tlsFilesAreCheckedBeforeAnyConnection() throws Exception {
    Path certs = Files.createDirectories(dir.resolve("certs"));
    Files.writeString(certs.resolve("ca.pem"), "not a certificate");
    Files.writeString(certs.resolve("cert.pem"), "x");
    Files.writeString(certs.resolve("key.pem"), "x");
    Engines missing =
        new Engines(EngineSpecs.of(List.of("a=tcp://h:1,tls=" + dir.resolve("nothing")), null));
    Engines notPem = new Engines(EngineSpecs.of(List.of("a=tcp://h:1,tls=" + certs), null));

    assertThatThrownBy(missing::checkFiles)
        .hasMessage("engine a: TLS CA file " + dir.resolve("nothing/ca.pem") + " does not exist");
    assertThatThrownBy(notPem::checkFiles)
        .hasMessageStartingWith(
            "engine a: TLS CA in " + certs.resolve("ca.pem") + " is not a PEM certificate");
  }
}
