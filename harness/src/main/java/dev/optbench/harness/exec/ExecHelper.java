package dev.optbench.harness.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds {@code optbench-exec}, the small static C program that runs each unit (see its source for
 * why it exists), from the source shipped in this jar. Compiled once per source version into {@code
 * <cache>/exec-helper/<sha>/optbench-exec}; concurrent callers race harmlessly because the result
 * is moved into place atomically.
 */
public final class ExecHelper {
  public static final String NAME = "optbench-exec";
  static final String SOURCE = "/dev/optbench/harness/native/optbench-exec.c";

  private ExecHelper() {}

  /** The helper binary, compiled with {@code cc -static} on first use. */
  public static Path ensureBuilt(Path cacheDir) {
    String source = source();
    Path dir = cacheDir.resolve("exec-helper").resolve(sha256(source).substring(0, 16));
    Path binary = dir.resolve(NAME);
    if (Files.isExecutable(binary)) {
      return binary;
    }
    try {
      Files.createDirectories(dir);
      Path src = Files.createTempFile(dir, NAME, ".c");
      Path tmp = Files.createTempFile(dir, NAME, ".tmp");
      Files.writeString(src, source);
      compile(src, tmp);
      Files.delete(src);
      try {
        Files.move(tmp, binary, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, binary, StandardCopyOption.REPLACE_EXISTING);
      }
      return binary;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build " + NAME + " in " + dir, e);
    }
  }

  private static void compile(Path src, Path out) throws IOException {
    String cc = System.getenv().getOrDefault("CC", "cc");
    List<String> argv = List.of(cc, "-static", "-O2", "-o", out.toString(), src.toString());
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(
            "compiling "
                + NAME
                + " failed ("
                + String.join(" ", argv)
                + "). A C compiler and static libc are needed (Debian: apt-get install gcc"
                + " libc6-dev).\n"
                + log);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while compiling " + NAME, e);
    }
    if (!out.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + out + " executable");
    }
  }

  static String source() {
    try (InputStream in = ExecHelper.class.getResourceAsStream(SOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SOURCE + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
