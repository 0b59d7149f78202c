package dev.optbench.build.source;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * Unpacks .tar.xz/.tar.gz/.tar.bz2 with commons-compress, keeping execute bits (configure must stay
 * executable) and refusing entries that would land outside the target.
 */
final class TarballExtractor {
  private TarballExtractor() {}

  static void extract(Path tarball, Path target) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(tarball));
        InputStream unpacked = new CompressorStreamFactory().createCompressorInputStream(raw);
        TarArchiveInputStream tar = new TarArchiveInputStream(unpacked)) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        Path out = target.resolve(e.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new SourceException(
              tarball + " holds an entry outside its folder (" + e.getName() + "): refused");
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else if (e.isSymbolicLink()) {
          Path link = out.getParent().resolve(e.getLinkName()).normalize();
          if (!link.startsWith(target)) {
            throw new SourceException(
                tarball + " holds a link pointing outside its folder (" + e.getName() + ")");
          }
          Files.createDirectories(out.getParent());
          Files.createSymbolicLink(out, Path.of(e.getLinkName()));
        } else if (e.isFile()) {
          Files.createDirectories(out.getParent());
          Files.copy(tar, out);
          Files.setPosixFilePermissions(out, permissions(e.getMode()));
        }
      }
    } catch (CompressorException e) {
      throw new SourceException(
          tarball + " is not a compressed tarball (.tar.xz, .tar.gz or .tar.bz2): " + e, e);
    } catch (IOException e) {
      throw new SourceException(
          tarball + " is corrupt or truncated (" + why(e) + "): delete it and fetch it again", e);
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new SourceException(tarball + " is empty");
    }
  }

  /** The reader's reason; an archive that ends early throws EOFException without a message. */
  static String why(IOException e) {
    if (e instanceof EOFException) {
      return "it ends before its last entry";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> p =
        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    p.add(PosixFilePermission.GROUP_READ);
    p.add(PosixFilePermission.OTHERS_READ);
    if ((mode & 0100) != 0) {
      p.add(PosixFilePermission.OWNER_EXECUTE);
      p.add(PosixFilePermission.GROUP_EXECUTE);
      p.add(PosixFilePermission.OTHERS_EXECUTE);
    }
    return p;
  }
}
