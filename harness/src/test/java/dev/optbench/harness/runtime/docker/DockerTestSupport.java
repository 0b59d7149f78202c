package dev.optbench.harness.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.image.ImageRequest;
import dev.optbench.harness.image.VariantImageBuilder;
import dev.optbench.harness.model.VariantRef;
import dev.optbench.harness.runtime.RuntimeUnavailableException;
import dev.optbench.harness.testing.FakeVariant;
import dev.optbench.harness.testing.Services;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Real engine, real static binaries: what every Docker IT needs. */
public final class DockerTestSupport {
  /** Shared by all ITs of a build so the probe and the helper are compiled once. */
  public static final Path CACHE = Path.of("target", "docker-it-cache").toAbsolutePath();

  private DockerTestSupport() {}

  /** The engine at Services.dockerHost(); skips (locally) or fails (CI) when none answers. */
  public static DockerEngine engine() {
    String host = Services.dockerHost();
    try {
      return DockerEngine.connect(host);
    } catch (RuntimeUnavailableException e) {
      Services.missing("Docker engine at " + host + " (" + e.getMessage() + ")");
      throw e;
    }
  }

  public static Path execHelper() {
    return ExecHelper.ensureBuilt(CACHE);
  }

  /** sandbox-probe.c compiled static: the stand-in for ffmpeg in the images under test. */
  public static synchronized Path probe() throws IOException, InterruptedException {
    Path binary = CACHE.resolve("sandbox-probe");
    if (Files.isExecutable(binary)) {
      return binary;
    }
    Files.createDirectories(CACHE);
    Path source = CACHE.resolve("sandbox-probe.c");
    try (InputStream in = DockerTestSupport.class.getResourceAsStream("sandbox-probe.c")) {
      Files.write(source, in.readAllBytes());
    }
    Path tmp = CACHE.resolve("sandbox-probe.tmp");
    Process cc =
        new ProcessBuilder(List.of("cc", "-static", "-O2", "-o", tmp.toString(), source.toString()))
            .redirectErrorStream(true)
            .start();
    String log = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!cc.waitFor(120, TimeUnit.SECONDS) || cc.exitValue() != 0) {
      throw new IOException("cannot compile sandbox-probe.c (need gcc + libc6-dev):\n" + log);
    }
    Files.move(tmp, binary);
    return binary;
  }

  /**
   * Compiles the probe and optbench-exec into {@link #CACHE} ahead of time, for a test machine
   * without a C compiler: the cgroup v2 VM of {@code .ci/cgroup-v2-vm.sh --docker} gets them with
   * the test classes. Run from the harness module's folder.
   */
  public static void main(String[] args) throws Exception {
    System.out.println("docker test programs: " + probe() + ", " + execHelper());
  }

  /** An image with the probe as /bin/ffmpeg, built (or reused) for {@code variant}. */
  public static String probeImage(DockerEngine engine, String variant) throws Exception {
    return new VariantImageBuilder(engine.client())
        .ensureImage(new ImageRequest(variant, "sha256-test", "ffmpeg", probe(), execHelper()));
  }

  /** The contract tests' variant: the burner in a FROM scratch image on {@code engine}. */
  static VariantRef contractVariant(DockerEngine engine, Path dir) {
    VariantRef local = FakeVariant.create(dir, "contract");
    String image =
        new VariantImageBuilder(engine.client())
            .ensureImage(
                new ImageRequest(
                    "contract",
                    "contract-test",
                    FakeVariant.PROGRAM,
                    local.executable(FakeVariant.PROGRAM),
                    execHelper()));
    return new VariantRef(local.name(), local.binDir(), Optional.of(image), "contract-test");
  }

  /** No optbench container named like {@code name} is left on {@code engine}, running or not. */
  static void assertNoContainer(DockerEngine engine, String name) {
    assertThat(
            engine
                .client()
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.MANAGED, "true"))
                .exec())
        .noneMatch(c -> c.getNames() != null && String.join(",", c.getNames()).contains(name));
  }
}
