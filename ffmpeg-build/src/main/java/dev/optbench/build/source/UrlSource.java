package dev.optbench.build.source;

import dev.optbench.build.util.Hashing;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;

/**
 * A release tarball from an http(s) URL. The SHA-256 is required: a benchmark of unverified code is
 * not repeatable. Downloads are kept by checksum, so the second run needs no network.
 */
public final class UrlSource implements SourceProvider {
  private final URI url;
  private final String sha256;

  public UrlSource(URI url, String sha256) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new SourceException("source URL must be http or https: " + url);
    }
    if (sha256 == null || !sha256.matches("(?i)[0-9a-f]{64}")) {
      throw new SourceException(
          "a source URL needs its SHA-256 (64 hex digits): give --source-sha256, e.g. from the"
              + " release's .sha256 file");
    }
    this.url = url;
    this.sha256 = sha256.toLowerCase(Locale.ROOT);
  }

  @Override
  public String describe() {
    return "source tarball " + url;
  }

  @Override
  public SourceArchive fetch(Path downloads) {
    String name = Path.of(url.getPath()).getFileName().toString();
    Path target = downloads.resolve("url").resolve(sha256).resolve(name);
    if (Files.isRegularFile(target) && Hashing.sha256(target).equals(sha256)) {
      return new SourceArchive(target, sha256, url.toString());
    }
    try {
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), name, ".partial");
      HttpClient client =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(Duration.ofSeconds(30))
              .build();
      HttpResponse<Path> response =
          client.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(30)).GET().build(),
              HttpResponse.BodyHandlers.ofFile(partial));
      if (response.statusCode() != 200) {
        Files.deleteIfExists(partial);
        throw new SourceException("downloading " + url + " failed: HTTP " + response.statusCode());
      }
      String actual = Hashing.sha256(partial);
      if (!actual.equals(sha256)) {
        Files.deleteIfExists(partial);
        throw new SourceException(ChecksumMessages.mismatch(url.toString(), sha256, actual));
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return new SourceArchive(target, sha256, url.toString());
    } catch (IOException e) {
      throw new SourceException("downloading " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("interrupted while downloading " + url, e);
    }
  }
}
