package dev.optbench.build.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.optbench.build.util.Hashing;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real HTTP download from a server on 127.0.0.1. */
class UrlSourceTest {
  @TempDir Path dir;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private Path tar;

  @BeforeEach
  void serve() throws Exception {
    tar = SourceFixtures.tarball(dir, "ffmpeg-9.9/README");
    byte[] body = Files.readAllBytes(tar);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/ffmpeg-9.9.tar.xz",
        ex -> {
          requests.incrementAndGet();
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void downloadsVerifiesAndReusesByChecksum() {
    String sha = Hashing.sha256(tar);
    SourceArchive a = new UrlSource(url("/ffmpeg-9.9.tar.xz"), sha).fetch(dir.resolve("dl"));
    assertThat(a.sha256()).isEqualTo(sha);
    assertThat(Hashing.sha256(a.path())).isEqualTo(sha);
    new UrlSource(url("/ffmpeg-9.9.tar.xz"), sha).fetch(dir.resolve("dl"));
    assertThat(requests).hasValue(1);
  }

  @Test
  void mismatchLeavesNothingBehind() throws Exception {
    String wrong = "a".repeat(64);
    assertThatThrownBy(
            () -> new UrlSource(url("/ffmpeg-9.9.tar.xz"), wrong).fetch(dir.resolve("dl")))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("checksum mismatch");
    try (var files = Files.walk(dir.resolve("dl"))) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void checksumIsRequiredAndHttpErrorsAreReported() {
    assertThatThrownBy(() -> new UrlSource(url("/x.tar.xz"), null))
        .hasMessageContaining("needs its SHA-256");
    assertThatThrownBy(() -> new UrlSource(URI.create("ftp://h/x.tar.xz"), "a".repeat(64)))
        .hasMessageContaining("http or https");
    assertThatThrownBy(() -> new UrlSource(url("/missing.tar.xz"), "a".repeat(64)).fetch(dir))
        .hasMessageContaining("HTTP 404");
  }
}
