package dev.optbench.harness.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The build context of a variant image, held in memory: a {@code FROM scratch} Dockerfile plus the
 * two static binaries. The digest covers every byte of the context, so an image labelled with it
 * contains exactly these files.
 */
public final class ImageContext {
  /** The idle helper is PID 1: no shell exists to keep the container alive otherwise. */
  static final String DOCKERFILE_TEMPLATE =
      """
      FROM scratch
      COPY %1$s optbench-exec /bin/
      ENV PATH=/bin
      WORKDIR /work
      ENTRYPOINT ["/bin/optbench-exec","--idle"]
      """;

  private final Map<String, byte[]> files;
  private final String programSha256;
  private final String contextSha256;

  private ImageContext(Map<String, byte[]> files, String programName) {
    this.files = files;
    this.programSha256 = sha256(files.get(programName));
    MessageDigest md = digest();
    files.forEach(
        (name, bytes) -> {
          md.update(name.getBytes(StandardCharsets.UTF_8));
          md.update((byte) 0);
          md.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
          md.update((byte) 0);
          md.update(bytes);
        });
    this.contextSha256 = HexFormat.of().formatHex(md.digest());
  }

  public static ImageContext of(ImageRequest request) {
    try {
      Map<String, byte[]> files = new LinkedHashMap<>();
      files.put("Dockerfile", dockerfile(request.programName()).getBytes(StandardCharsets.UTF_8));
      files.put(request.programName(), Files.readAllBytes(request.program()));
      files.put("optbench-exec", Files.readAllBytes(request.execHelper()));
      return new ImageContext(files, request.programName());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the binaries for " + request.variant(), e);
    }
  }

  static String dockerfile(String programName) {
    return String.format(DOCKERFILE_TEMPLATE, programName);
  }

  /** The context as an uncompressed tar, the form the engine's build endpoint takes. */
  public byte[] tar() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        // Binaries must be executable in the image; the mode travels with the tar entry.
        entry.setMode(file.getKey().equals("Dockerfile") ? 0644 : 0755);
        entry.setModTime(0); // same bytes, same tar: keeps the engine's layer cache effective
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the image context in memory", e);
    }
    return out.toByteArray();
  }

  public String programSha256() {
    return programSha256;
  }

  /** SHA-256 over names and contents of all files, Dockerfile included. */
  public String contextSha256() {
    return contextSha256;
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
