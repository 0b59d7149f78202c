package dev.optbench.harness.workload;

import java.util.List;

/**
 * The user's bounds on the command space. Defaults ({@link #defaults()}) keep every command short
 * enough that a search of a few hundred evaluations fits in minutes on two cores.
 *
 * @param templates which command shapes to generate (default: all)
 * @param frameSizes frame sizes for sources and outputs (default 160x120, 320x240, 640x360)
 * @param frameRates frame rates; MPEG-1/2 accept only standard ones (default 24, 25, 30)
 * @param minSeconds shortest input duration in seconds (default 1)
 * @param maxSeconds longest input duration in seconds (default 2)
 * @param maxThreads upper bound of -threads / -filter_threads (default 4)
 * @param inputMode live lavfi sources or materialised files (default LIVE)
 */
public record SpaceConfig(
    List<Template> templates,
    List<FrameSize> frameSizes,
    List<Integer> frameRates,
    int minSeconds,
    int maxSeconds,
    int maxThreads,
    InputMode inputMode) {

  public SpaceConfig {
    templates = List.copyOf(templates);
    frameSizes = List.copyOf(frameSizes);
    frameRates = List.copyOf(frameRates);
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("the command space is empty: no templates selected");
    }
    if (frameSizes.isEmpty() || frameRates.isEmpty()) {
      throw new IllegalArgumentException(
          "the command space is empty: give at least one frame size and one frame rate");
    }
    if (frameRates.stream().anyMatch(r -> r < 1 || r > 240)) {
      throw new IllegalArgumentException("frame rates must be in 1..240, got " + frameRates);
    }
    if (minSeconds < 1 || minSeconds > maxSeconds) {
      throw new IllegalArgumentException(
          "impossible durations: need 1 <= minSeconds <= maxSeconds, got "
              + minSeconds
              + ".."
              + maxSeconds);
    }
    if (maxThreads < 1) {
      throw new IllegalArgumentException("maxThreads must be at least 1, got " + maxThreads);
    }
  }

  public static SpaceConfig defaults() {
    return new SpaceConfig(
        List.of(Template.values()),
        List.of(new FrameSize(160, 120), new FrameSize(320, 240), new FrameSize(640, 360)),
        List.of(24, 25, 30),
        1,
        2,
        4,
        InputMode.LIVE);
  }

  public SpaceConfig withTemplates(List<Template> t) {
    return new SpaceConfig(
        t, frameSizes, frameRates, minSeconds, maxSeconds, maxThreads, inputMode);
  }

  public SpaceConfig withInputMode(InputMode m) {
    return new SpaceConfig(
        templates, frameSizes, frameRates, minSeconds, maxSeconds, maxThreads, m);
  }

  public SpaceConfig withSeconds(int min, int max) {
    return new SpaceConfig(templates, frameSizes, frameRates, min, max, maxThreads, inputMode);
  }
}
