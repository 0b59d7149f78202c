package dev.optbench.harness.testing;

import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.image.ImageRequest;
import dev.optbench.harness.image.VariantImageBuilder;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.docker.DockerEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A variant for runtime tests: a bin dir holding {@code optbench-exec} and {@code burner}, a static
 * workload with known cost (see burner.c: {@code burner cpu 2000 touch 256 exit 3 ...}). Both are
 * static, so the same dir can be copied into a FROM scratch image.
 */
public final class FakeVariant {
  public static final String PROGRAM = "burner";
  private static final String SOURCE = "/dev/optbench/harness/testing/burner.c";

  private FakeVariant() {}

  /** Builds (once per cache) and lays out a variant called {@code name} in {@code dir}/bin. */
  public static VariantRef create(Path dir, String name) {
    try {
      Path cache = cacheDir();
      Path bin = Files.createDirectories(dir.resolve("bin"));
      Files.copy(burner(cache), bin.resolve(PROGRAM), StandardCopyOption.REPLACE_EXISTING);
      Files.copy(
          ExecHelper.ensureBuilt(cache),
          bin.resolve(ExecHelper.NAME),
          StandardCopyOption.REPLACE_EXISTING);
      return new VariantRef(name, bin, Optional.empty(), "test-" + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@link #create}, with the variant's image built on {@code engine} (on a remote engine the build
   * context goes over the API).
   */
  public static VariantRef withImageOn(DockerEngine engine, Path dir, String name) {
    VariantRef fake = create(dir, name);
    String image =
        new VariantImageBuilder(engine.client())
            .ensureImage(
                new ImageRequest(
                    fake.name(),
                    fake.manifestDigest(),
                    PROGRAM,
                    fake.binDir().resolve(PROGRAM),
                    fake.binDir().resolve(ExecHelper.NAME)));
    return new VariantRef(fake.name(), fake.binDir(), Optional.of(image), fake.manifestDigest());
  }

  /** Shared between test classes and runs: target/test-native in the module. */
  public static Path cacheDir() {
    return Path.of("target", "test-native").toAbsolutePath();
  }

  /** Compiled once per source version: the binary's name carries the source's hash. */
  static synchronized Path burner(Path cache) throws IOException {
    byte[] source;
    try (InputStream in = FakeVariant.class.getResourceAsStream(SOURCE)) {
      source = in.readAllBytes();
    }
    Path binary = cache.resolve(PROGRAM + "-" + sha256(source).substring(0, 16));
    if (Files.isExecutable(binary)) {
      return binary;
    }
    Files.createDirectories(cache);
    Path src = cache.resolve("burner.c");
    Files.write(src, source);
    Path tmp = Files.createTempFile(cache, PROGRAM, ".tmp");
    List<String> cc =
        List.of("cc", "-static", "-pthread", "-O1", "-o", tmp.toString(), src.toString());
    Process p = new ProcessBuilder(cc).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("cannot build burner (" + String.join(" ", cc) + "):\n" + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    Files.move(tmp, binary, StandardCopyOption.ATOMIC_MOVE);
    return binary;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
