package dev.optbench.harness.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Capabilities shaped like a {@code minimal} build's, for unit tests without a binary. */
public final class TestCapabilities {
  private TestCapabilities() {}

  public static FfmpegCapabilities minimal() {
    FfmpegComponents c = FfmpegComponents.standard();
    Map<String, EncoderInfo> enc = new LinkedHashMap<>();
    video(enc, "mpeg4", "slice", "yuv420p");
    video(enc, "mpeg2video", "slice", "yuv420p", "yuv422p");
    video(enc, "mpeg1video", "slice", "yuv420p");
    video(enc, "mjpeg", "frame", "yuvj420p", "yuvj422p", "yuvj444p", "yuv420p");
    video(enc, "ffv1", "slice", "yuv420p", "yuv444p", "gray", "bgr0");
    video(enc, "huffyuv", "frame", "yuv422p", "rgb24");
    video(enc, "flv", "none", "yuv420p");
    video(enc, "h263p", "slice", "yuv420p");
    video(enc, "rawvideo", "none");
    audio(enc, "aac", List.of("96000", "48000", "44100", "22050", "8000"), List.of());
    audio(enc, "ac3", List.of("48000", "44100", "32000"), List.of("mono", "stereo", "5.1(side)"));
    audio(
        enc,
        "mp2",
        List.of("44100", "48000", "32000", "22050", "16000"),
        List.of("mono", "stereo"));
    audio(enc, "flac", List.of(), List.of());
    audio(enc, "pcm_s16le", List.of(), List.of());
    return new FfmpegCapabilities(
        "ffmpeg version test",
        enc,
        Set.copyOf(c.decoders()),
        Set.copyOf(c.filters()),
        Set.copyOf(c.muxers()),
        Set.of(
            "yuv420p",
            "yuv422p",
            "yuv444p",
            "yuvj420p",
            "yuvj422p",
            "yuvj444p",
            "gray",
            "rgb24",
            "bgr0"));
  }

  private static void video(Map<String, EncoderInfo> m, String name, String threads, String... pf) {
    m.put(name, new EncoderInfo(name, true, List.of(pf), List.of(), List.of(), threads));
  }

  private static void audio(
      Map<String, EncoderInfo> m, String name, List<String> rates, List<String> layouts) {
    m.put(name, new EncoderInfo(name, false, List.of(), rates, layouts, "none"));
  }
}
