package dev.optbench.harness.image;

import java.util.Map;

/** Labels on variant images: what a built image contains, so it can be found and reused. */
public final class ImageLabels {
  public static final String VARIANT = "dev.optbench.variant";
  public static final String MANIFEST_DIGEST = "dev.optbench.manifest-digest";
  public static final String BINARY_SHA256 = "dev.optbench.binary-sha256";

  /** Covers the helper and the Dockerfile too: a new optbench-exec also needs a new image. */
  public static final String CONTEXT_SHA256 = "dev.optbench.context-sha256";

  private ImageLabels() {}

  /** The labels an image built from {@code context} for {@code request} carries. */
  public static Map<String, String> of(ImageRequest request, ImageContext context) {
    return Map.of(
        VARIANT, request.variant(),
        MANIFEST_DIGEST, request.manifestDigest(),
        BINARY_SHA256, context.programSha256(),
        CONTEXT_SHA256, context.contextSha256());
  }

  /** Whether an existing image has every wanted label with the same value (others are ignored). */
  public static boolean matches(Map<String, String> imageLabels, Map<String, String> wanted) {
    if (imageLabels == null) {
      return false;
    }
    return wanted.entrySet().stream()
        .allMatch(e -> e.getValue().equals(imageLabels.get(e.getKey())));
  }
}
