package dev.optbench.harness.workload;

/**
 * The parameters of the command space, one gene each. Their domains live in {@link OptionSpace}
 * (they depend on the reference binary and the config); which ones a command uses depends on its
 * template, and the renderer records exactly those for the input-space descriptor.
 */
public enum Param {
  TEMPLATE,
  VIDEO_SOURCE,
  AUDIO_SOURCE,
  FRAME_SIZE,
  FRAME_RATE,
  DURATION,
  VIDEO_CODEC,
  PIXEL_FORMAT,
  RATE_CONTROL,
  VIDEO_BITRATE,
  QSCALE,
  GOP,
  B_FRAMES,
  THREADS,
  FILTER_THREADS,
  VIDEO_CONTAINER,
  AUDIO_CODEC,
  SAMPLE_RATE,
  CHANNELS,
  AUDIO_BITRATE,
  AUDIO_CONTAINER,
  VIDEO_FILTER_1,
  VIDEO_FILTER_1_A,
  VIDEO_FILTER_1_B,
  VIDEO_FILTER_2,
  VIDEO_FILTER_2_A,
  VIDEO_FILTER_2_B,
  VIDEO_FILTER_3,
  VIDEO_FILTER_3_A,
  VIDEO_FILTER_3_B,
  STACKING,
  AUDIO_FILTER_1,
  AUDIO_FILTER_1_A,
  AUDIO_FILTER_2,
  AUDIO_FILTER_2_A,
  OUTPUT_COUNT,
  SECOND_CODEC,
  SECOND_SIZE,
  THIRD_CODEC
}
