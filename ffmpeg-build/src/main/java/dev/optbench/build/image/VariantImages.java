package dev.optbench.build.image;

import dev.optbench.build.compile.BuiltVariant;
import dev.optbench.build.manifest.Manifests;
import dev.optbench.harness.cache.CacheDir;
import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.image.ImageRequest;
import dev.optbench.harness.image.VariantImageBuilder;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.RuntimeUnavailableException;
import dev.optbench.harness.runtime.docker.DockerEngine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Docker image per built variant, where an engine answers: FROM scratch with the static ffmpeg
 * and optbench-exec, labelled with the build digest, rebuilt only when the binary changes. Without
 * an engine it says so and returns the variants without images; the cgroup and process runtimes run
 * them from the host folder.
 */
public final class VariantImages {
  private VariantImages() {}

  /**
   * The engine at {@code host}, or empty after saying why there is none and what follows: the
   * images are skipped, everything else carries on.
   */
  public static Optional<DockerEngine> engineOrExplain(String host, PrintStream out) {
    try {
      return Optional.of(DockerEngine.connect(host));
    } catch (RuntimeUnavailableException e) {
      out.println(
          "images: skipped. "
              + e.getMessage()
              + ". Variants still run with the cgroup or process runtime.");
      return Optional.empty();
    }
  }

  /** The variants as the engine sees them, with images where an engine answered. */
  public static List<VariantRef> prepare(
      List<BuiltVariant> variants, Optional<DockerEngine> engine, PrintStream out) {
    List<VariantRef> refs = new ArrayList<>();
    VariantImageBuilder builder = engine.map(e -> new VariantImageBuilder(e.client())).orElse(null);
    // The helper of this optbench, not the copy a cached build made with an older one: a changed
    // helper (a new report field such as run_delay_ns) changes the image's bytes, so it rebuilds.
    Path helper = builder == null ? null : ExecHelper.ensureBuilt(CacheDir.resolve());
    for (BuiltVariant v : variants) {
      String digest = Manifests.buildDigest(v.manifest());
      Optional<String> image = Optional.empty();
      if (builder != null) {
        image =
            Optional.of(
                builder.ensureImage(
                    new ImageRequest(
                        v.manifest().variant(), digest, "ffmpeg", v.ffmpeg(), helper)));
        out.printf("[%s] image %s%n", v.manifest().variant(), image.get());
      }
      refs.add(new VariantRef(v.manifest().variant(), v.binDir(), image, digest));
    }
    return refs;
  }
}
