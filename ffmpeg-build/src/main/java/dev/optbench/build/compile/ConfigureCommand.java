package dev.optbench.build.compile;

import dev.optbench.build.spec.Profile;
import dev.optbench.build.spec.VariantSpec;
import dev.optbench.harness.workload.FfmpegComponents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ffmpeg's configure line for a variant. Flags go where ffmpeg puts them on every compile: {@code
 * --optflags} replaces configure's own -O3, {@code --extra-cflags} follow it. The binary is static
 * (runs in a FROM scratch image), not stripped, records its compiler switches and carries debug
 * info (split off the measured copy after the build, see {@link DebugCopy}).
 */
public final class ConfigureCommand {
  /** Makes gcc/clang store each compile's switches in the binary, so we can prove them. */
  public static final String RECORD_SWITCHES = "-frecord-gcc-switches";

  /**
   * Debug info for the profiled copy (function names, lines, inlining). gcc documents that -g does
   * not change the generated code; the build checks it held ({@link TextIdentity}).
   */
  public static final String DEBUG_INFO = "-g";

  /**
   * What FATE's tests need beyond the workloads' components, for the minimal profile (issue 17):
   * framecrc is FATE's usual output; FATE's makefiles enable tests that use asetpts (52 swr async
   * tests), pgmyuv (20 pixfmt tests), ismv (movenc) and silenceremove without asking for them, so
   * without these 74 of 778 tests failed for the configuration, not the compiler. Kept out of the
   * workloads' list so the generator's commands do not change.
   */
  static final Map<String, List<String>> FATE_SUPPORT =
      Map.of(
          "muxer", List.of("framecrc", "ismv"),
          "decoder", List.of("pgmyuv"),
          "filter", List.of("asetpts", "silenceremove"));

  private ConfigureCommand() {}

  public static List<String> of(Path sourceRoot, VariantSpec spec, FfmpegComponents components) {
    List<String> argv = new ArrayList<>();
    argv.add(sourceRoot.resolve("configure").toString());
    argv.add("--cc=" + spec.compiler());
    argv.add("--optflags=" + String.join(" ", spec.opt()));
    List<String> cflags = new ArrayList<>(spec.cflags());
    cflags.add(RECORD_SWITCHES);
    cflags.add(DEBUG_INFO);
    argv.add("--extra-cflags=" + String.join(" ", cflags));
    List<String> ldflags = new ArrayList<>(List.of("-static"));
    ldflags.addAll(spec.ldflags());
    argv.add("--extra-ldflags=" + String.join(" ", ldflags));
    argv.add("--pkg-config-flags=--static");
    // No external libraries (reproducible anywhere), no network code, GPL for filters such as
    // boxblur, eq and hqdn3d that are silently dropped without it.
    argv.addAll(
        List.of(
            "--disable-autodetect",
            "--disable-network",
            "--enable-gpl",
            "--disable-doc",
            "--disable-debug",
            "--disable-ffplay",
            "--disable-stripping"));
    if (!spec.asm()) {
      argv.add("--disable-asm");
    }
    if (spec.profile() == Profile.MINIMAL) {
      argv.add("--disable-everything");
      argv.add("--disable-ffprobe");
      for (Map.Entry<String, List<String>> kind : components.byKind().entrySet()) {
        argv.add("--enable-" + kind.getKey() + "=" + String.join(",", kind.getValue()));
      }
      for (String kind : List.of("muxer", "decoder", "filter")) {
        argv.add("--enable-" + kind + "=" + String.join(",", FATE_SUPPORT.get(kind)));
      }
    }
    return List.copyOf(argv);
  }
}
