package dev.optbench.harness.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.Image;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds registry-free variant images ({@code FROM scratch}, the static program and optbench-exec
 * under {@code /bin}) and reuses an existing image whose labels say it holds the same bytes. Tags
 * are {@code optbench/<variant>:<first 12 hex of the context digest>}.
 */
public final class VariantImageBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(VariantImageBuilder.class);
  private static final int SHORT_DIGEST = 12;

  private final DockerClient docker;

  /** The engine's client: {@code DockerEngine.client()}. */
  public VariantImageBuilder(DockerClient docker) {
    this.docker = docker;
  }

  /** The image id ({@code sha256:...}) holding exactly the requested files; built if needed. */
  public String ensureImage(ImageRequest request) {
    ImageContext context = ImageContext.of(request);
    Map<String, String> labels = ImageLabels.of(request, context);
    String tag = tag(request, context);
    Optional<Image> existing = findExisting(labels);
    if (existing.isPresent()) {
      Image image = existing.get();
      if (!hasTag(image, tag)) {
        String[] repoAndTag = tag.split(":", 2);
        docker.tagImageCmd(image.getId(), repoAndTag[0], repoAndTag[1]).exec();
      }
      LOG.debug("reusing {} ({}) for variant {}", tag, image.getId(), request.variant());
      return image.getId();
    }
    LOG.info("building image {} for variant {}", tag, request.variant());
    return build(context, labels, tag);
  }

  static String tag(ImageRequest request, ImageContext context) {
    return request.repository() + ":" + context.contextSha256().substring(0, SHORT_DIGEST);
  }

  private Optional<Image> findExisting(Map<String, String> labels) {
    List<Image> images =
        docker
            .listImagesCmd()
            .withLabelFilter(
                Map.of(ImageLabels.CONTEXT_SHA256, labels.get(ImageLabels.CONTEXT_SHA256)))
            .exec();
    // The engine filtered on one label; all of them must agree (same bytes, same manifest).
    return images.stream().filter(i -> ImageLabels.matches(i.getLabels(), labels)).findFirst();
  }

  private static boolean hasTag(Image image, String tag) {
    return image.getRepoTags() != null && Arrays.asList(image.getRepoTags()).contains(tag);
  }

  private String build(ImageContext context, Map<String, String> labels, String tag) {
    try (var tar = new ByteArrayInputStream(context.tar())) {
      docker
          .buildImageCmd(tar)
          .withTags(Set.of(tag))
          .withLabels(labels)
          .withNetworkMode("none") // nothing to fetch; a FROM scratch build needs no network
          .withPull(false)
          .withRemove(true)
          .exec(new BuildImageResultCallback())
          .awaitImageId();
      // awaitImageId may give the short id of the legacy builder; callers get the full one.
      return docker.inspectImageCmd(tag).exec().getId();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreachable: in-memory stream", e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "building image "
              + tag
              + " failed: "
              + e.getMessage()
              + ". Both binaries must exist and the engine must accept FROM scratch builds.",
          e);
    }
  }
}
