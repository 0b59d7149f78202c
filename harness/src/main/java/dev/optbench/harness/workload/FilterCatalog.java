package dev.optbench.harness.workload;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The filters the generator knows how to parameterise, each with two genes (A, B) mapped to its own
 * ranges. Only filters the reference binary has (and FfmpegComponents lists) are offered.
 * Expressions avoid ',' so no filtergraph escaping is ever needed.
 */
final class FilterCatalog {
  static final List<String> VIDEO =
      List.of(
          "hflip",
          "vflip",
          "negate",
          "edgedetect",
          "transpose",
          "boxblur",
          "gblur",
          "unsharp",
          "eq",
          "hqdn3d",
          "noise",
          "rotate",
          "crop",
          "pad",
          "drawgrid",
          "drawbox",
          "yadif",
          "convolution",
          "lut",
          "colorchannelmixer",
          "zoompan",
          "scale",
          "fps",
          "setpts");

  /** Slice-threaded and costly: what the THREADING template stacks up. */
  static final List<String> HEAVY_VIDEO =
      List.of("gblur", "boxblur", "hqdn3d", "unsharp", "convolution", "noise", "edgedetect");

  static final List<String> AUDIO =
      List.of(
          "volume", "atempo", "lowpass", "highpass", "equalizer", "aecho", "acompressor", "afftdn");
  static final Set<String> STANDARD_RATES = Set.of("24", "25", "30", "50", "60");

  private FilterCatalog() {}

  static String video(String name, GeneReader r, Param a, Param b, FrameSize size) {
    return switch (name) {
      case "hflip", "vflip", "negate", "edgedetect" -> name;
      case "transpose" -> "transpose=dir=" + r.integer(a, range(0, 3));
      case "boxblur" ->
          "boxblur=luma_radius="
              + r.integer(a, range(1, 8))
              + ":luma_power="
              + r.integer(b, range(1, 3));
      case "gblur" ->
          "gblur=sigma="
              + fmt(r.real(a, new Domain.Real(0.5, 8)))
              + ":steps="
              + r.integer(b, range(1, 6));
      case "unsharp" -> {
        int m = 3 + 2 * r.integer(a, range(0, 5)); // odd matrix sizes 3..13
        yield "unsharp=luma_msize_x="
            + m
            + ":luma_msize_y="
            + m
            + ":luma_amount="
            + fmt(r.real(b, new Domain.Real(-1.5, 2.5)));
      }
      case "eq" ->
          "eq=brightness="
              + fmt(r.real(a, new Domain.Real(-0.3, 0.3)))
              + ":contrast="
              + fmt(r.real(b, new Domain.Real(0.5, 2)));
      case "hqdn3d" -> "hqdn3d=luma_spatial=" + fmt(r.real(a, new Domain.Real(1, 12)));
      case "noise" -> "noise=alls=" + r.integer(a, range(5, 60)) + ":allf=t:all_seed=1";
      case "rotate" -> "rotate=angle=" + fmt(r.real(a, new Domain.Real(0.05, 3.1)));
      case "crop" -> {
        double f = r.real(a, new Domain.Real(0.4, 0.95));
        yield "crop=w=trunc(iw*" + fmt(f) + "/2)*2:h=trunc(ih*" + fmt(f) + "/2)*2";
      }
      case "pad" -> {
        int p = 2 * r.integer(a, range(1, 32));
        yield "pad=w=iw+" + 2 * p + ":h=ih+" + 2 * p + ":x=" + p + ":y=" + p;
      }
      case "drawgrid" ->
          "drawgrid=w="
              + r.integer(a, range(8, 64))
              + ":h="
              + r.integer(b, range(8, 64))
              + ":t=2:c=white";
      case "drawbox" ->
          "drawbox=x=8:y=8:w="
              + r.integer(a, range(8, 96))
              + ":h="
              + r.integer(b, range(8, 96))
              + ":c=red:t=fill";
      case "yadif" -> "yadif=mode=send_frame";
      case "convolution" ->
          r.integer(a, range(0, 1)) == 0
              ? "convolution=0m=0 -1 0 -1 5 -1 0 -1 0"
              : "convolution=0m=1 1 1 1 1 1 1 1 1:0rdiv=1/9";
      case "lut" -> "lut=y=val*" + fmt(r.real(a, new Domain.Real(0.5, 1.5)));
      case "colorchannelmixer" ->
          "colorchannelmixer=rr="
              + fmt(r.real(a, new Domain.Real(0, 1)))
              + ":gg="
              + fmt(r.real(b, new Domain.Real(0, 1)));
      case "zoompan" -> "zoompan=z=" + fmt(r.real(a, new Domain.Real(1, 2.5))) + ":d=1:s=" + size;
      case "scale" ->
          "scale=w="
              + 2 * r.integer(a, range(40, 480))
              + ":h=-2:flags="
              + r.choice(b, List.of("neighbor", "bilinear", "bicubic", "lanczos", "area"));
      case "fps" -> "fps=fps=" + r.choice(a, List.copyOf(new java.util.TreeSet<>(STANDARD_RATES)));
      case "setpts" -> "setpts=PTS*" + fmt(r.real(a, new Domain.Real(0.5, 2)));
      default -> throw new IllegalArgumentException("no rendering for video filter " + name);
    };
  }

  static String audio(String name, GeneReader r, Param a) {
    return switch (name) {
      case "volume" -> "volume=volume=" + fmt(r.real(a, new Domain.Real(0.1, 3)));
      case "atempo" -> "atempo=tempo=" + fmt(r.real(a, new Domain.Real(0.5, 2)));
      case "lowpass" -> "lowpass=f=" + r.integer(a, new Domain.IntRange(200, 8000, true));
      case "highpass" -> "highpass=f=" + r.integer(a, new Domain.IntRange(50, 2000, true));
      case "equalizer" ->
          "equalizer=f=" + r.integer(a, new Domain.IntRange(100, 8000, true)) + ":t=q:w=1:g=6";
      case "aecho" ->
          "aecho=in_gain=0.8:out_gain=0.9:delays="
              + r.integer(a, new Domain.IntRange(10, 500, true))
              + ":decays=0.4";
      case "acompressor" ->
          "acompressor=threshold=" + fmt(r.real(a, new Domain.Real(0.01, 0.5))) + ":ratio=4";
      case "afftdn" -> "afftdn=nr=" + r.integer(a, range(1, 60));
      default -> throw new IllegalArgumentException("no rendering for audio filter " + name);
    };
  }

  private static Domain.IntRange range(int min, int max) {
    return new Domain.IntRange(min, max, false);
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
