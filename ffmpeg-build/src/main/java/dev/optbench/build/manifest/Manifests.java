package dev.optbench.build.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.optbench.build.util.FileTrees;
import dev.optbench.build.util.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reads and writes {@code variant.json}; writes are atomic. */
public final class Manifests {
  public static final String FILE = "variant.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Manifests() {}

  public static BuildManifest read(Path variantDir) {
    try {
      return JSON.readValue(variantDir.resolve(FILE).toFile(), BuildManifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + variantDir.resolve(FILE), e);
    }
  }

  public static void write(Path variantDir, BuildManifest manifest) {
    FileTrees.writeAtomically(variantDir.resolve(FILE), toJson(manifest));
  }

  public static String toJson(BuildManifest manifest) {
    try {
      return JSON.writeValueAsString(manifest) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Digest of what was built (the manifest without the functional comparison, which depends on the
   * other variants of a run): labels images and results.
   */
  public static String buildDigest(BuildManifest manifest) {
    BuildManifest built =
        manifest.withFunctionalCheck(
            manifest.functionalCheck() == null
                ? null
                : new BuildManifest.FunctionalResult(
                    manifest.functionalCheck().digests(), null, null));
    return Hashing.sha256(toJson(built));
  }
}
