package dev.optbench.harness.workload;

/** The shapes of ffmpeg command lines the generator produces. */
public enum Template {
  /** One synthetic video in, one encoded video out: codec, rate control, GOP, B-frames, format. */
  VIDEO_TRANSCODE,
  /**
   * One synthetic audio in, one encoded audio out: codec, sample rate, channels, bitrate, filters.
   */
  AUDIO_TRANSCODE,
  /**
   * A -filter_complex graph of up to three video filters, optionally split and stacked/overlaid.
   */
  FILTER_GRAPH,
  /** One decode, two or three outputs with different codecs and sizes. */
  MULTIPLE_OUTPUTS,
  /** Two-pass rate control: pass 1 writes a passlog in the work dir, pass 2 reads it. */
  TWO_PASS,
  /** A heavy filter chain and a threaded encoder with -threads and -filter_threads. */
  THREADING
}
