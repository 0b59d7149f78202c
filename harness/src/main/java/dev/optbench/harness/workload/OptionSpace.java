package dev.optbench.harness.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command space: the config's bounds, restricted to what the reference binary offers. Built
 * once per generation run; rejects a space with nothing in it, saying what is missing.
 */
public final class OptionSpace {
  static final List<String> TWO_PASS_CODECS = List.of("mpeg4", "mpeg2video", "mpeg1video");

  private final FfmpegCapabilities caps;
  private final SpaceConfig config;
  final List<String> videoCodecs;
  final List<String> audioCodecs;
  final List<String> threadedCodecs;
  final List<String> twoPassCodecs;
  final List<String> videoSources;
  final List<String> audioSources;
  final List<String> videoFilters;
  final List<String> heavyFilters;
  final List<String> audioFilters;
  final List<Template> templates;

  public OptionSpace(FfmpegCapabilities caps, SpaceConfig config) {
    this.caps = caps;
    this.config = config;
    videoCodecs = encodable(caps.encoderNames(true), true);
    audioCodecs = encodable(caps.encoderNames(false), false);
    threadedCodecs = videoCodecs.stream().filter(c -> caps.encoders().get(c).threaded()).toList();
    twoPassCodecs = TWO_PASS_CODECS.stream().filter(videoCodecs::contains).toList();
    videoSources = MediaSource.VIDEO_FILTERS.stream().filter(caps.filters()::contains).toList();
    audioSources = MediaSource.AUDIO_FILTERS.stream().filter(caps.filters()::contains).toList();
    videoFilters = FilterCatalog.VIDEO.stream().filter(caps.filters()::contains).toList();
    heavyFilters = FilterCatalog.HEAVY_VIDEO.stream().filter(caps.filters()::contains).toList();
    audioFilters = FilterCatalog.AUDIO.stream().filter(caps.filters()::contains).toList();
    templates = List.copyOf(config.templates());
    for (Template t : templates) {
      String missing = missingFor(t);
      if (missing != null) {
        throw new IllegalArgumentException(
            "template "
                + t
                + " is impossible with the reference binary: it has no "
                + missing
                + ". Drop the template or use a build with those components ("
                + caps.version()
                + ")");
      }
    }
  }

  /** Codecs with at least one container the binary can write. */
  private List<String> encodable(List<String> codecs, boolean video) {
    return codecs.stream()
        .filter(c -> !Containers.forCodec(c, video, caps.muxers()).isEmpty())
        .toList();
  }

  private String missingFor(Template t) {
    boolean needsAudio = t == Template.AUDIO_TRANSCODE;
    if (needsAudio) {
      return audioCodecs.isEmpty()
          ? "audio encoder"
          : audioSources.isEmpty() ? "audio source" : null;
    }
    if (videoSources.isEmpty()) {
      return "video source filter (testsrc2, mandelbrot...)";
    }
    return switch (t) {
      case VIDEO_TRANSCODE, MULTIPLE_OUTPUTS -> videoCodecs.isEmpty() ? "video encoder" : null;
      case FILTER_GRAPH ->
          videoFilters.isEmpty() || !caps.filters().contains("split")
              ? "video filters (and split)"
              : null;
      case TWO_PASS -> twoPassCodecs.isEmpty() ? "two-pass encoder " + TWO_PASS_CODECS : null;
      case THREADING ->
          threadedCodecs.isEmpty() || heavyFilters.isEmpty()
              ? "threaded encoder and slice-threaded filter"
              : null;
      default -> null;
    };
  }

  public FfmpegCapabilities capabilities() {
    return caps;
  }

  public SpaceConfig config() {
    return config;
  }

  public List<Template> templates() {
    return templates;
  }

  /** The command a genome stands for. Pure: the same genome gives the same command. */
  public Command render(Genome genome) {
    return new CommandRenderer(this, new GeneReader(genome)).render();
  }

  /**
   * The parameters whose domains do not depend on other choices, for documentation and diagnostics.
   * Constrained ones (pixel format per encoder, container per codec, sample rate and channel layout
   * per audio encoder) are chosen from the valid sub-list at render time.
   */
  public Map<Param, Domain> fixedDomains() {
    Map<Param, Domain> d = new LinkedHashMap<>();
    d.put(Param.TEMPLATE, new Domain.Choice(templates.stream().map(Enum::name).toList()));
    d.put(Param.VIDEO_SOURCE, new Domain.Choice(videoSources));
    d.put(Param.FRAME_SIZE, sizes());
    d.put(Param.FRAME_RATE, rates());
    d.put(Param.DURATION, new Domain.IntRange(config.minSeconds(), config.maxSeconds(), false));
    d.put(Param.VIDEO_BITRATE, CommandRenderer.VIDEO_KBPS);
    d.put(Param.QSCALE, CommandRenderer.QSCALE);
    d.put(Param.GOP, CommandRenderer.GOP);
    d.put(Param.B_FRAMES, CommandRenderer.B_FRAMES);
    d.put(Param.THREADS, new Domain.IntRange(1, config.maxThreads(), false));
    if (!audioCodecs.isEmpty()) {
      d.put(Param.AUDIO_CODEC, new Domain.Choice(audioCodecs));
    }
    if (!videoCodecs.isEmpty()) {
      d.put(Param.VIDEO_CODEC, new Domain.Choice(videoCodecs));
    }
    return d;
  }

  Domain.Choice sizes() {
    return new Domain.Choice(config.frameSizes().stream().map(FrameSize::toString).toList());
  }

  Domain.Choice rates() {
    List<String> r = new ArrayList<>();
    config.frameRates().forEach(x -> r.add(Integer.toString(x)));
    return new Domain.Choice(r);
  }
}
