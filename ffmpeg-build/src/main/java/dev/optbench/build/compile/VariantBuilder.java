package dev.optbench.build.compile;

import dev.optbench.build.check.FunctionalCheck;
import dev.optbench.build.fate.FateRun;
import dev.optbench.build.manifest.BuildManifest;
import dev.optbench.build.manifest.CompilerInfo;
import dev.optbench.build.manifest.Manifests;
import dev.optbench.build.proc.ProcessRunner;
import dev.optbench.build.provenance.ElfFile;
import dev.optbench.build.provenance.EnabledComponents;
import dev.optbench.build.source.SourceTree;
import dev.optbench.build.spec.Profile;
import dev.optbench.build.spec.VariantSpec;
import dev.optbench.build.util.CacheLock;
import dev.optbench.build.util.FileTrees;
import dev.optbench.build.util.Hashing;
import dev.optbench.harness.exec.ExecHelper;
import dev.optbench.harness.workload.FfmpegComponents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builds one variant out of tree, or returns it from the cache. A build happens in {@code
 * builds/.tmp-<dir>} under an exclusive lock and is renamed into place only after every check
 * passed, so a failed or killed build never leaves a half-built variant; its leftovers are removed
 * by the next attempt.
 */
public final class VariantBuilder {
  private final Path cache;
  private final FfmpegComponents components;
  private final int jobs;
  private final BuildProgress progress;
  private final Duration fateLimit;

  public VariantBuilder(
      Path cache,
      FfmpegComponents components,
      int jobs,
      BuildProgress progress,
      Duration fateLimit) {
    this.cache = cache;
    this.components = components;
    this.jobs = jobs;
    this.progress = progress;
    this.fateLimit = fateLimit;
  }

  @SuppressWarnings("try") // the lock is held for the block's duration, never referenced
  public BuiltVariant build(VariantSpec spec, SourceTree source) {
    CompilerInfo compiler = CompilerProbe.of(spec.compiler());
    List<String> configure = ConfigureCommand.of(source.root(), spec, components);
    String key = CacheKey.of(source.sha256(), spec, compiler, configure);
    String dirName = spec.name() + "-" + key.substring(0, 16);
    Path target = cache.resolve("builds").resolve(dirName);
    try (CacheLock lock = CacheLock.acquire(cache.resolve("locks").resolve(dirName))) {
      if (isComplete(target)) {
        progress.stage(spec.name(), "cached");
        return new BuiltVariant(target, Manifests.read(target), true);
      }
      Path tmp = cache.resolve("builds").resolve(".tmp-" + dirName);
      FileTrees.deleteRecursively(tmp); // leftovers of a failed or killed build
      FileTrees.deleteRecursively(target); // incomplete: binary changed or manifest missing
      BuildManifest manifest = buildInto(tmp, spec, source, compiler, configure, key);
      FileTrees.publish(tmp, target);
      progress.stage(spec.name(), "done");
      return new BuiltVariant(target, manifest, false);
    }
  }

  /** A cache entry counts only if its binary is the one its manifest describes. */
  private static boolean isComplete(Path dir) {
    if (!Files.isRegularFile(dir.resolve(Manifests.FILE))) {
      return false;
    }
    BuildManifest m = Manifests.read(dir);
    Path binary = dir.resolve(m.binary().path());
    return Files.isRegularFile(binary) && Hashing.sha256(binary).equals(m.binary().sha256());
  }

  private BuildManifest buildInto(
      Path tmp,
      VariantSpec spec,
      SourceTree source,
      CompilerInfo compiler,
      List<String> configure,
      String key) {
    long start = System.nanoTime();
    Path obj = tmp.resolve("obj");
    Path bin = tmp.resolve("bin");
    Path log = tmp.resolve("build.log");
    try {
      Files.createDirectories(obj);
      Files.createDirectories(bin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = spec.name();
    progress.stage(name, "configure");
    run(name, configure, obj, log, "configure");
    progress.stage(name, "make -j" + jobs);
    run(name, List.of("make", "-j" + jobs, "ffmpeg"), obj, log, "make");

    progress.stage(name, "check");
    Path ffmpeg = bin.resolve("ffmpeg");
    Path profiled = tmp.resolve(DebugCopy.PROFILED);
    DebugCopy.split(obj.resolve("ffmpeg"), ffmpeg, profiled, log);
    copy(ExecHelper.ensureBuilt(cache), bin.resolve(ExecHelper.NAME));
    BuildManifest.Provenance provenance = ProvenanceCheck.verify(spec, ffmpeg, log);
    Map<String, List<String>> enabled = EnabledComponents.read(obj);
    if (spec.profile() == Profile.MINIMAL) {
      List<String> missing = EnabledComponents.missing(components, enabled);
      if (!missing.isEmpty()) {
        throw new BuildFailedException(
            "variant "
                + name
                + ": configure did not enable "
                + missing
                + " (a dependency is missing or needs a licence flag); see "
                + log);
      }
    }
    Map<String, String> digests = FunctionalCheck.run(ffmpeg, obj);
    // FATE needs the configured tree, so it runs here, once per cached build.
    progress.stage(name, "FATE (at most " + fateLimit.toSeconds() + " s)");
    BuildManifest.Fate fate = FateRun.run(obj, jobs, fateLimit, tmp.resolve("fate.log"));
    FileTrees.deleteRecursively(obj); // objects are not needed once the binary is checked
    ElfFile elf = ElfFile.read(ffmpeg);
    String textSha256 = TextIdentity.require(ffmpeg, profiled);
    BuildManifest manifest =
        new BuildManifest(
            BuildManifest.SCHEMA,
            name,
            spec,
            key,
            new BuildManifest.Source(source.origin(), source.sha256(), source.version()),
            compiler,
            configure,
            provenance,
            new BuildManifest.Binary(
                "bin/ffmpeg",
                Hashing.sha256(ffmpeg),
                size(ffmpeg),
                elf.sizes(),
                textSha256,
                DebugCopy.PROFILED),
            Math.round((System.nanoTime() - start) / 1e8) / 10.0,
            Instant.now().toString(),
            enabled,
            new BuildManifest.FunctionalResult(digests, null, null),
            fate);
    Manifests.write(tmp, manifest);
    return manifest;
  }

  private void run(String variant, List<String> argv, Path dir, Path log, String what) {
    ProcessRunner.Result r =
        ProcessRunner.logged(
            argv,
            dir,
            Map.of(),
            log,
            line -> {
              if (line.startsWith("CC\t")) {
                progress.compiled(variant, line.substring(3));
              }
            });
    if (!r.ok()) {
      throw new BuildFailedException(
          "variant "
              + variant
              + ": "
              + what
              + " failed (exit "
              + r.exitCode()
              + "). Last lines of "
              + log
              + ":\n"
              + ProcessRunner.tail(log, 25));
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
