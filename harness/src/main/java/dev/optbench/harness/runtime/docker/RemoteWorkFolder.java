package dev.optbench.harness.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.runtime.UnitUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The work folder of a container on an engine that does not share this machine's file system: the
 * container gets its own {@code /work} (an anonymous volume, since the engine's archive API can
 * write into a volume of a read-only container but not into a tmpfs, which only the container's
 * mount namespace sees), and the host folder is mirrored through the API around every unit. Before
 * a unit, if the host folder differs from what the container holds, {@code /work} is emptied
 * ({@code optbench-exec --clear}: a FROM scratch image has no rm) and the host folder uploaded
 * ({@code copyArchiveToContainer}); after it, {@code /work} is downloaded ({@code
 * copyArchiveFromContainer}) and the host folder made equal to it, so the callers that reset the
 * folder between invocations and read outputs ({@code --check-outputs}) work unchanged. Files whose
 * size and modification second match are not rewritten (hard-linked inputs stay links).
 */
final class RemoteWorkFolder {
  private final DockerClient docker;
  private final String containerId;
  private final Path hostDir;
  private final UnitUser user;
  private Map<String, String> inContainer = Map.of();
  private boolean opened;

  RemoteWorkFolder(DockerClient docker, String containerId, Path hostDir, UnitUser user) {
    this.docker = docker;
    this.containerId = containerId;
    this.hostDir = hostDir.toAbsolutePath();
    this.user = user;
  }

  /** Makes the container's /work what the host folder is now; nothing when it already is. */
  void push() {
    Map<String, String> now = manifest(hostDir);
    if (opened && now.equals(inContainer)) {
      return;
    }
    if (!opened) {
      // The engine's archive API skips the tar's root entry, so /work stays as the image made it
      // (root's); its owner may chmod it without capabilities.
      helper("0:0", "--open", SandboxHostConfig.WORK_DIR);
      opened = true;
    }
    if (!inContainer.isEmpty()) {
      helper(null, "--clear", SandboxHostConfig.WORK_DIR); // as the unit's user, who owns it all
    }
    try {
      Path tar = Files.createTempFile("optbench-work", ".tar");
      try {
        writeTar(tar);
        try (InputStream in = Files.newInputStream(tar)) {
          docker
              .copyArchiveToContainerCmd(containerId)
              .withRemotePath(SandboxHostConfig.WORK_DIR)
              .withTarInputStream(in)
              .exec();
        }
      } finally {
        Files.deleteIfExists(tar);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot upload the work folder " + hostDir, e);
    }
    inContainer = now;
  }

  /** Makes the host folder what the container's /work holds after a unit. */
  void pull() {
    Map<String, String> before = manifest(hostDir);
    try (InputStream raw =
            docker.copyArchiveFromContainerCmd(containerId, SandboxHostConfig.WORK_DIR).exec();
        TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
      Map<String, String> seen = new TreeMap<>();
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        String rel = relative(e.getName());
        if (rel.isEmpty()) {
          continue;
        }
        Path target = hostDir.resolve(rel).normalize();
        if (!target.startsWith(hostDir)) {
          throw new IOException("the container's /work names a path outside it: " + e.getName());
        }
        seen.put(rel, key(e));
        if (key(e).equals(before.get(rel))) {
          continue;
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else if (e.isFile()) {
          Files.createDirectories(target.getParent());
          Files.deleteIfExists(target); // a hard-linked input is replaced, never written through
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
          Files.setLastModifiedTime(target, FileTime.from(e.getModTime().toInstant()));
        }
      }
      List<String> gone =
          before.keySet().stream()
              .filter(rel -> !seen.containsKey(rel))
              .sorted(Comparator.reverseOrder())
              .toList();
      for (String rel : gone) {
        Files.deleteIfExists(hostDir.resolve(rel));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot download the container's /work into " + hostDir, e);
    }
    inContainer = manifest(hostDir);
  }

  /** Runs {@code optbench-exec OPTION DIR} in the container, as {@code user} or the container's. */
  private void helper(String user, String option, String folder) {
    var create =
        docker
            .execCreateCmd(containerId)
            .withCmd("/bin/" + ExecHelper.NAME, option, folder)
            .withAttachStderr(true);
    if (user != null) {
      create.withUser(user);
    }
    String execId = create.exec().getId();
    StringBuilder err = new StringBuilder();
    try {
      boolean done =
          docker
              .execStartCmd(execId)
              .exec(
                  new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                      err.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                  })
              .awaitCompletion(60, TimeUnit.SECONDS);
      Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
      if (!done || code == null || code != 0) {
        throw new IllegalStateException(
            option
                + " "
                + folder
                + " failed in container "
                + containerId
                + " (exit "
                + code
                + "): "
                + err);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + option + " " + folder, e);
    }
  }

  /**
   * Every entry below the root belongs to the unit's user (the engine applies the tar's owners: a
   * root daemon, no copyUIDGID), so the unit can write /work as it writes the host folder, and
   * {@code --clear}, run as that user in a container without capabilities, can empty it. Inputs a
   * unit could not change on the host become changeable in the container; the host's are never
   * written through ({@link #pull} replaces a file instead of writing into it).
   */
  private void writeTar(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        Stream<Path> all = Files.walk(hostDir)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Path p : all.toList()) {
        String rel = hostDir.relativize(p).toString();
        boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        if (!dir && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          continue; // units read and write plain files; links out of the folder would dangle
        }
        if (rel.isEmpty()) {
          continue; // the engine skips the root entry anyway (see push)
        }
        TarArchiveEntry entry = new TarArchiveEntry(p.toFile(), rel);
        entry.setIds(user.uid(), user.gid());
        tar.putArchiveEntry(entry);
        if (!dir) {
          Files.copy(p, tar);
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  /** Relative path, size and modification second of every file and folder below {@code dir}. */
  static Map<String, String> manifest(Path dir) {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.toList()) {
        String rel = dir.relativize(p).toString();
        if (rel.isEmpty()) {
          continue;
        }
        boolean isDir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        long size = isDir ? 0 : Files.size(p);
        long mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000;
        m.put(rel, (isDir ? "d" : "f") + size + "@" + mtime);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the work folder " + dir, e);
    }
    return m;
  }

  private static String key(TarArchiveEntry e) {
    long size = e.isDirectory() ? 0 : e.getSize();
    return (e.isDirectory() ? "d" : "f") + size + "@" + e.getModTime().getTime() / 1000;
  }

  /** "work/a/b" (the engine names entries after the folder asked for) as "a/b". */
  static String relative(String entryName) {
    String n = entryName.startsWith("./") ? entryName.substring(2) : entryName;
    int slash = n.indexOf('/');
    String rest = slash < 0 ? "" : n.substring(slash + 1);
    return rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
  }
}
