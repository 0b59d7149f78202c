package dev.optbench.harness.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic input made by one of ffmpeg's lavfi sources. Deterministic: random sources get a
 * fixed seed, so a file rendered from it is the same on every run of the same binary.
 *
 * @param seconds length of a materialised file (commands read a prefix with {@code -t})
 */
public record MediaSource(String filter, boolean video, FrameSize size, int rate, int seconds) {
  static final List<String> VIDEO_FILTERS =
      List.of("testsrc2", "testsrc", "mandelbrot", "life", "smptebars", "color", "rgbtestsrc");
  static final List<String> AUDIO_FILTERS = List.of("sine", "anoisesrc", "aevalsrc");
  static final int SAMPLE_RATE = 48000;

  /** The lavfi graph, e.g. {@code testsrc2=size=320x240:rate=25}. */
  public String graph() {
    return switch (filter) {
      case "life" -> "life=size=" + size + ":rate=" + rate + ":seed=1:mold=10";
      case "color" -> "color=c=steelblue:size=" + size + ":rate=" + rate;
      case "sine" -> "sine=frequency=440:sample_rate=" + SAMPLE_RATE;
      case "anoisesrc" -> "anoisesrc=color=pink:seed=1:sample_rate=" + SAMPLE_RATE;
      case "aevalsrc" ->
          "aevalsrc=exprs=0.4*sin(2*PI*220*t)|0.4*sin(2*PI*330*t):sample_rate=" + SAMPLE_RATE;
      default -> filter + "=size=" + size + ":rate=" + rate;
    };
  }

  /** Relative path of the materialised file inside a work dir. */
  public String file() {
    String name = video ? filter + "-" + size + "-" + rate : filter + "-" + SAMPLE_RATE;
    return "inputs/" + name + "-" + seconds + "s.mkv";
  }

  /** The input options of a command reading the first {@code duration} seconds. */
  List<String> inputArgs(InputMode mode, int duration) {
    List<String> args = new ArrayList<>(List.of("-t", Integer.toString(duration)));
    if (mode == InputMode.LIVE) {
      args.addAll(List.of("-f", "lavfi", "-i", graph()));
    } else {
      args.addAll(List.of("-i", file()));
    }
    return args;
  }

  /** argv (argv[0] "ffmpeg") that renders {@link #file()}: lossless and bit-exact. */
  public List<String> materialiseArgv() {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "ffmpeg",
                "-nostdin",
                "-y",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-t",
                Integer.toString(seconds),
                "-i",
                graph(),
                "-fflags",
                "+bitexact"));
    argv.addAll(
        video
            ? List.of("-c:v", "ffv1", "-flags:v", "+bitexact")
            : List.of("-c:a", "flac", "-flags:a", "+bitexact"));
    argv.add(file());
    return argv;
  }
}
