package dev.optbench.harness.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Output options for one encoded stream: codec, its legal settings, container and file name. */
final class EncoderArgs {
  static final List<String> FALLBACK_PIXEL_FORMATS =
      List.of("yuv420p", "yuv422p", "yuv444p", "rgb24", "gray");
  static final List<String> SAMPLE_RATES =
      List.of("8000", "16000", "22050", "32000", "44100", "48000");
  static final List<String> AUDIO_KBPS = List.of("64", "96", "128", "160", "192");
  private static final Set<String> MPEG_LIKE =
      Set.of("mpeg4", "mpeg2video", "mpeg1video", "flv", "h263p", "mjpeg");
  private static final Set<String> WITH_B_FRAMES = Set.of("mpeg4", "mpeg2video", "mpeg1video");
  private static final Set<String> LOSSY_AUDIO = Set.of("aac", "ac3", "mp2");

  private final OptionSpace space;
  private final GeneReader r;

  EncoderArgs(OptionSpace space, GeneReader r) {
    this.space = space;
    this.r = r;
  }

  /** {@code -c:v codec ...settings} without container (two-pass shares it between passes). */
  List<String> videoCodec(String codec) {
    EncoderInfo info = space.capabilities().encoders().get(codec);
    List<String> args = new ArrayList<>(List.of("-c:v", codec));
    args.addAll(List.of("-pix_fmt", r.choice(Param.PIXEL_FORMAT, pixelFormats(info))));
    if (MPEG_LIKE.contains(codec)) {
      String rc = r.choice(Param.RATE_CONTROL, List.of("default", "bitrate", "qscale"));
      if (rc.equals("bitrate")) {
        args.addAll(
            List.of("-b:v", r.integer(Param.VIDEO_BITRATE, CommandRenderer.VIDEO_KBPS) + "k"));
      } else if (rc.equals("qscale")) {
        args.addAll(
            List.of("-q:v", Integer.toString(r.integer(Param.QSCALE, CommandRenderer.QSCALE))));
      }
      if (!codec.equals("mjpeg")) {
        args.addAll(List.of("-g", Integer.toString(r.integer(Param.GOP, CommandRenderer.GOP))));
      }
      if (WITH_B_FRAMES.contains(codec)) {
        args.addAll(
            List.of("-bf", Integer.toString(r.integer(Param.B_FRAMES, CommandRenderer.B_FRAMES))));
      }
    } else if (codec.equals("ffv1")) {
      args.addAll(List.of("-level", r.choice(Param.RATE_CONTROL, List.of("1", "3"))));
      args.addAll(List.of("-g", Integer.toString(r.integer(Param.GOP, CommandRenderer.GOP))));
    } else if (codec.equals("huffyuv")) {
      args.addAll(
          List.of("-pred", r.choice(Param.RATE_CONTROL, List.of("left", "plane", "median"))));
    }
    return args;
  }

  /** Pixel formats the encoder accepts; mjpeg's limited-range ones need -strict, so skip them. */
  private List<String> pixelFormats(EncoderInfo info) {
    List<String> offered =
        info.pixelFormats().isEmpty() ? FALLBACK_PIXEL_FORMATS : info.pixelFormats();
    List<String> usable =
        offered.stream()
            .filter(space.capabilities().pixelFormats()::contains)
            .filter(f -> !info.name().equals("mjpeg") || f.startsWith("yuvj"))
            .toList();
    return usable.isEmpty() ? offered : usable;
  }

  /**
   * {@code -f muxer name}: a container that takes {@code codec}, its file named after {@code stem}.
   */
  List<String> container(String codec, boolean video, Param gene, String stem) {
    List<String> muxers =
        Containers.forCodec(codec, video, space.capabilities().muxers()).stream()
            .map(Containers.Container::muxer)
            .toList();
    String muxer = r.choice(gene, muxers);
    Containers.Container c =
        Containers.ALL.stream().filter(x -> x.muxer().equals(muxer)).findFirst().orElseThrow();
    String file = c.fileName().replaceFirst("^(out|frame)", stem);
    return List.of("-f", muxer, file);
  }

  List<String> audioCodec(String codec) {
    EncoderInfo info = space.capabilities().encoders().get(codec);
    List<String> args = new ArrayList<>(List.of("-c:a", codec));
    List<String> rates =
        SAMPLE_RATES.stream()
            .filter(x -> info.sampleRates().isEmpty() || info.sampleRates().contains(x))
            .toList();
    args.addAll(
        List.of("-ar", r.choice(Param.SAMPLE_RATE, rates.isEmpty() ? info.sampleRates() : rates)));
    args.addAll(List.of("-ac", r.choice(Param.CHANNELS, channels(info))));
    if (LOSSY_AUDIO.contains(codec)) {
      args.addAll(List.of("-b:a", r.choice(Param.AUDIO_BITRATE, AUDIO_KBPS) + "k"));
    }
    return args;
  }

  private static List<String> channels(EncoderInfo info) {
    List<String> layouts = info.channelLayouts();
    if (layouts.isEmpty()) {
      return List.of("1", "2", "6");
    }
    List<String> counts = new ArrayList<>();
    if (layouts.contains("mono")) {
      counts.add("1");
    }
    if (layouts.contains("stereo")) {
      counts.add("2");
    }
    if (layouts.contains("5.1") || layouts.contains("5.1(side)")) {
      counts.add("6");
    }
    return counts.isEmpty() ? List.of("2") : counts;
  }
}
