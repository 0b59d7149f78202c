package dev.optbench.harness.workload;

import java.util.List;
import java.util.Set;

/**
 * Which muxer takes which encoder's output. ffmpeg only finds out when it writes the header, so the
 * generator consults this table to avoid wasting evaluations; a pairing that still fails is caught
 * by validation and counted, never emitted.
 */
final class Containers {
  /** A muxer, the file name it writes, and the codecs it accepts (empty set: any). */
  record Container(String muxer, String fileName, Set<String> video, Set<String> audio) {
    boolean accepts(String codec, boolean isVideo) {
      Set<String> allowed = isVideo ? video : audio;
      return allowed.isEmpty() || allowed.contains(codec);
    }
  }

  private static final Set<String> ANY = Set.of();
  private static final Set<String> NONE = Set.of("-");

  static final List<Container> ALL =
      List.of(
          new Container("matroska", "out.mkv", ANY, ANY),
          new Container("nut", "out.nut", ANY, ANY),
          new Container(
              "avi",
              "out.avi",
              Set.of("mpeg4", "mpeg2video", "mpeg1video", "mjpeg", "ffv1", "huffyuv", "rawvideo"),
              Set.of("mp2", "ac3", "aac", "pcm_s16le", "pcm_f32le")),
          new Container(
              "mov",
              "out.mov",
              Set.of("mpeg4", "mpeg2video", "mjpeg", "rawvideo"),
              Set.of("aac", "ac3", "pcm_s16le", "pcm_f32le")),
          new Container(
              "mp4",
              "out.mp4",
              Set.of("mpeg4", "mpeg2video", "mjpeg"),
              Set.of("aac", "ac3", "mp2")),
          new Container(
              "mpegts",
              "out.ts",
              Set.of("mpeg4", "mpeg2video", "mpeg1video"),
              Set.of("aac", "ac3", "mp2")),
          new Container("flv", "out.flv", Set.of("flv"), Set.of("aac")),
          new Container("rawvideo", "out.raw", ANY, NONE),
          new Container("mjpeg", "out.mjpeg", Set.of("mjpeg"), NONE),
          new Container("image2", "frame-%03d.jpg", Set.of("mjpeg"), NONE),
          new Container("framemd5", "out.framemd5", ANY, ANY),
          new Container("md5", "out.md5", ANY, ANY),
          new Container("null", "out.null", ANY, ANY),
          new Container("wav", "out.wav", NONE, Set.of("pcm_s16le", "pcm_f32le", "mp2", "ac3")),
          new Container("adts", "out.aac", NONE, Set.of("aac")),
          new Container("ac3", "out.ac3", NONE, Set.of("ac3")),
          new Container("mp2", "out.mp2", NONE, Set.of("mp2")),
          new Container("flac", "out.flac", NONE, Set.of("flac")));

  private Containers() {}

  /** Containers the binary can write that accept {@code codec}, in table order. */
  static List<Container> forCodec(String codec, boolean video, Set<String> muxers) {
    return ALL.stream().filter(c -> muxers.contains(c.muxer()) && c.accepts(codec, video)).toList();
  }
}
