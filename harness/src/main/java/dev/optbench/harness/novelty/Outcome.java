package dev.optbench.harness.novelty;

/** How one evaluated command ended on the reference binary. Only VALID commands are emitted. */
public enum Outcome {
  VALID,
  /** ffmpeg did not know an option, encoder, filter or format name. */
  UNKNOWN_OPTION,
  /** ffmpeg knew every name but refused the combination (codec in container, rate, format). */
  UNSUPPORTED_COMBINATION,
  /** Still running at the evaluation timeout; killed. */
  TIMEOUT,
  /** Killed by a signal it raised itself (SIGSEGV, SIGABRT...): a finding, kept separately. */
  CRASH
}
