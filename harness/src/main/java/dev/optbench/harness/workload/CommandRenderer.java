package dev.optbench.harness.workload;

import java.util.ArrayList;
import java.util.List;

/** Turns one genome into one {@link Command}, template by template. Single use. */
final class CommandRenderer {
  static final Domain.IntRange VIDEO_KBPS = new Domain.IntRange(100, 8000, true);
  static final Domain.IntRange QSCALE = new Domain.IntRange(2, 31, false);
  static final Domain.IntRange GOP = new Domain.IntRange(1, 250, true);
  static final Domain.IntRange B_FRAMES = new Domain.IntRange(0, 4, false);
  private static final List<String> PREFIX =
      List.of("ffmpeg", "-nostdin", "-y", "-loglevel", "error");
  private static final List<String> STACKINGS = List.of("none", "hstack", "vstack", "overlay");

  private final OptionSpace space;
  private final GeneReader r;
  private final EncoderArgs enc;
  private final List<String> argv = new ArrayList<>(PREFIX);
  private final List<List<String>> before = new ArrayList<>();
  private final List<MediaSource> inputs = new ArrayList<>();
  private final List<String> outputs = new ArrayList<>();

  CommandRenderer(OptionSpace space, GeneReader r) {
    this.space = space;
    this.r = r;
    this.enc = new EncoderArgs(space, r);
  }

  Command render() {
    Template t =
        Template.valueOf(
            r.choice(Param.TEMPLATE, space.templates.stream().map(Enum::name).toList()));
    switch (t) {
      case VIDEO_TRANSCODE -> {
        MediaSource src = videoInput();
        String codec = r.choice(Param.VIDEO_CODEC, space.videoCodecs);
        argv.addAll(enc.videoCodec(codec));
        output(enc.container(codec, true, Param.VIDEO_CONTAINER, "out"));
      }
      case AUDIO_TRANSCODE -> audio();
      case FILTER_GRAPH -> filterGraph();
      case MULTIPLE_OUTPUTS -> multipleOutputs();
      case TWO_PASS -> twoPass();
      case THREADING -> threading();
    }
    return new Command(t, argv, before, inputs, outputs, r.descriptor(t));
  }

  private MediaSource videoInput() {
    String filter = r.choice(Param.VIDEO_SOURCE, space.videoSources);
    FrameSize size = FrameSize.parse(r.choice(Param.FRAME_SIZE, space.sizes().values()));
    int rate = Integer.parseInt(r.choice(Param.FRAME_RATE, space.rates().values()));
    MediaSource src = new MediaSource(filter, true, size, rate, space.config().maxSeconds());
    input(src);
    return src;
  }

  private void input(MediaSource src) {
    SpaceConfig c = space.config();
    int seconds =
        r.integer(Param.DURATION, new Domain.IntRange(c.minSeconds(), c.maxSeconds(), false));
    argv.addAll(src.inputArgs(c.inputMode(), seconds));
    inputs.add(src);
  }

  private void output(List<String> formatAndFile) {
    argv.addAll(formatAndFile);
    outputs.add(formatAndFile.get(formatAndFile.size() - 1));
  }

  private void audio() {
    String filter = r.choice(Param.AUDIO_SOURCE, space.audioSources);
    input(new MediaSource(filter, false, new FrameSize(16, 16), 0, space.config().maxSeconds()));
    List<String> none = new ArrayList<>(List.of("none"));
    none.addAll(space.audioFilters);
    List<String> chain = new ArrayList<>();
    String f1 = r.choice(Param.AUDIO_FILTER_1, none);
    if (!f1.equals("none")) {
      chain.add(FilterCatalog.audio(f1, r, Param.AUDIO_FILTER_1_A));
      String f2 = r.choice(Param.AUDIO_FILTER_2, none);
      if (!f2.equals("none")) {
        chain.add(FilterCatalog.audio(f2, r, Param.AUDIO_FILTER_2_A));
      }
    }
    if (!chain.isEmpty()) {
      argv.addAll(List.of("-af", String.join(",", chain)));
    }
    String codec = r.choice(Param.AUDIO_CODEC, space.audioCodecs);
    argv.addAll(enc.audioCodec(codec));
    output(enc.container(codec, false, Param.AUDIO_CONTAINER, "out"));
  }

  private String videoChain(List<String> first, FrameSize size) {
    List<String> none = new ArrayList<>(List.of("none"));
    none.addAll(first);
    List<String> chain = new ArrayList<>();
    chain.add(
        FilterCatalog.video(
            r.choice(Param.VIDEO_FILTER_1, first),
            r,
            Param.VIDEO_FILTER_1_A,
            Param.VIDEO_FILTER_1_B,
            size));
    String f2 = r.choice(Param.VIDEO_FILTER_2, none);
    if (!f2.equals("none")) {
      chain.add(FilterCatalog.video(f2, r, Param.VIDEO_FILTER_2_A, Param.VIDEO_FILTER_2_B, size));
      String f3 = r.choice(Param.VIDEO_FILTER_3, none);
      if (!f3.equals("none")) {
        chain.add(FilterCatalog.video(f3, r, Param.VIDEO_FILTER_3_A, Param.VIDEO_FILTER_3_B, size));
      }
    }
    return String.join(",", chain);
  }

  private void filterGraph() {
    MediaSource src = videoInput();
    FrameSize size = src.size();
    String chain = videoChain(space.videoFilters, size);
    List<String> stackings =
        STACKINGS.stream()
            .filter(s -> s.equals("none") || space.capabilities().filters().contains(s))
            .toList();
    String stacking = r.choice(Param.STACKING, stackings);
    String graph;
    if (stacking.equals("none")) {
      graph = "[0:v]" + chain + "[v]";
    } else {
      FrameSize back = stacking.equals("overlay") ? size.half() : size;
      String tail = "[b]" + chain + ",scale=" + back.width() + ":" + back.height() + "[c];[a][c]";
      String join =
          stacking.equals("overlay")
              ? "overlay=x=" + size.width() / 4 + ":y=" + size.height() / 4
              : stacking;
      graph = "[0:v]split[a][b];" + tail + join + "[v]";
    }
    argv.addAll(List.of("-filter_complex", graph, "-map", "[v]"));
    String codec = r.choice(Param.VIDEO_CODEC, space.videoCodecs);
    argv.addAll(enc.videoCodec(codec));
    output(enc.container(codec, true, Param.VIDEO_CONTAINER, "out"));
  }

  private void multipleOutputs() {
    MediaSource src = videoInput();
    String first = r.choice(Param.VIDEO_CODEC, space.videoCodecs);
    argv.addAll(enc.videoCodec(first));
    output(enc.container(first, true, Param.VIDEO_CONTAINER, "out1"));
    String second = r.choice(Param.SECOND_CODEC, space.videoCodecs);
    argv.addAll(List.of("-s", r.choice(Param.SECOND_SIZE, space.sizes().values())));
    argv.addAll(enc.videoCodec(second));
    output(enc.container(second, true, Param.VIDEO_CONTAINER, "out2"));
    if (r.choice(Param.OUTPUT_COUNT, List.of("2", "3")).equals("3")) {
      List<String> sinks =
          List.of("null", "md5", "framemd5").stream()
              .filter(space.capabilities().muxers()::contains)
              .toList();
      if (!sinks.isEmpty()) {
        String sink = r.choice(Param.THIRD_CODEC, sinks);
        output(List.of("-c:v", "rawvideo", "-f", sink, "out3." + sink));
      }
    }
  }

  private void twoPass() {
    MediaSource src = videoInput();
    List<String> common = new ArrayList<>(argv);
    String codec = r.choice(Param.VIDEO_CODEC, space.twoPassCodecs);
    List<String> settings =
        new ArrayList<>(
            List.of("-c:v", codec, "-b:v", r.integer(Param.VIDEO_BITRATE, VIDEO_KBPS) + "k"));
    settings.addAll(
        List.of(
            "-g",
            Integer.toString(r.integer(Param.GOP, GOP)),
            "-bf",
            Integer.toString(r.integer(Param.B_FRAMES, B_FRAMES)),
            "-passlogfile",
            "passlog"));
    List<String> pass1 = new ArrayList<>(common);
    pass1.addAll(settings);
    pass1.addAll(List.of("-pass", "1", "-an", "-f", "null", "pass1.null"));
    before.add(pass1);
    argv.addAll(settings);
    argv.addAll(List.of("-pass", "2"));
    output(enc.container(codec, true, Param.VIDEO_CONTAINER, "out"));
  }

  private void threading() {
    int filterThreads =
        r.integer(Param.FILTER_THREADS, new Domain.IntRange(1, space.config().maxThreads(), false));
    argv.addAll(List.of("-filter_threads", Integer.toString(filterThreads)));
    MediaSource src = videoInput();
    argv.addAll(List.of("-vf", videoChain(space.heavyFilters, src.size())));
    String codec = r.choice(Param.VIDEO_CODEC, space.threadedCodecs);
    int threads =
        r.integer(Param.THREADS, new Domain.IntRange(1, space.config().maxThreads(), false));
    argv.addAll(List.of("-threads", Integer.toString(threads)));
    argv.addAll(enc.videoCodec(codec));
    output(enc.container(codec, true, Param.VIDEO_CONTAINER, "out"));
  }
}
