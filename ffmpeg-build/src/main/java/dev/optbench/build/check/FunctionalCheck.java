package dev.optbench.build.check;

import dev.optbench.build.proc.ProcessRunner;
import dev.optbench.build.util.Hashing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a variant still computes what the others compute: a fixed set of encode, decode and
 * filter commands on lavfi-generated input, each reduced to a digest of its output. Every command
 * is single-threaded and bit-exact so that only the code (and so the compiler flags) can change the
 * output. Differences are expected for flags that relax floating point (-Ofast); they are reported,
 * not fatal.
 */
public final class FunctionalCheck {
  private static final List<String> COMMON =
      List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-threads", "1");
  private static final List<String> BITEXACT =
      List.of("-fflags", "+bitexact", "-flags", "+bitexact");

  /** One command: argv after the program name; its stdout is digested. */
  public record Step(List<String> args) {}

  /** A check of one or more steps whose last step's output is the digest. */
  public record Command(String id, List<Step> steps) {}

  public static final List<Command> COMMANDS =
      List.of(
          single(
              "encode-mpeg4",
              "-f lavfi -i testsrc2=size=320x240:rate=25 -t 1 -c:v mpeg4 -q:v 4 -f md5 -"),
          single(
              "filter-video",
              "-f lavfi -i mandelbrot=size=320x240:rate=10 -t 1 -vf"
                  + " scale=160:120:flags=bicubic,hflip,boxblur=2:1,eq=contrast=1.2"
                  + " -pix_fmt yuv420p -f framemd5 -"),
          single(
              "encode-aac",
              "-f lavfi -i sine=frequency=440:sample_rate=48000 -t 1 -c:a aac -b:a 128k -f md5 -"),
          single(
              "filter-audio-flac",
              "-f lavfi -i anoisesrc=seed=1:sample_rate=44100 -t 1 -af volume=0.5,lowpass=f=3000"
                  + " -c:a flac -f md5 -"),
          new Command(
              "roundtrip-ffv1",
              List.of(
                  step(
                      "-f lavfi -i testsrc2=size=320x240:rate=25 -t 1 -c:v ffv1 -y"
                          + " roundtrip-ffv1.mkv"),
                  step("-i roundtrip-ffv1.mkv -f framemd5 -"))),
          single(
              "encode-mjpeg",
              "-f lavfi -i smptebars=size=320x240:rate=25 -t 1 -c:v mjpeg -q:v 3 -f md5 -"));

  private FunctionalCheck() {}

  /**
   * Runs every command with {@code ffmpeg} in {@code workDir} and returns each command's digest
   * (SHA-256 of the last step's stdout), in command order.
   *
   * @throws IllegalStateException when a command fails: the variant is broken, not different
   */
  public static Map<String, String> run(Path ffmpeg, Path workDir) {
    Map<String, String> digests = new LinkedHashMap<>();
    for (Command c : COMMANDS) {
      String out = "";
      for (Step s : c.steps()) {
        List<String> argv = new ArrayList<>(List.of(ffmpeg.toString()));
        argv.addAll(COMMON);
        argv.addAll(s.args().subList(0, s.args().size() - 1));
        argv.addAll(BITEXACT);
        argv.add(s.args().get(s.args().size() - 1));
        ProcessRunner.Result r = ProcessRunner.capture(argv, workDir, null, Duration.ofMinutes(5));
        if (!r.ok()) {
          throw new IllegalStateException(
              "functional check '"
                  + c.id()
                  + "' failed: "
                  + String.join(" ", argv)
                  + "\n"
                  + r.output());
        }
        out = r.output();
      }
      digests.put(c.id(), Hashing.sha256(out));
    }
    return digests;
  }

  private static Command single(String id, String args) {
    return new Command(id, List.of(step(args)));
  }

  // Fixed literals split on spaces: no generated text and no shell involved.
  private static Step step(String args) {
    return new Step(List.of(args.split(" ")));
  }
}
