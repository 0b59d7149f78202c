package dev.optbench.harness.workload;

/** How commands get their synthetic media. */
public enum InputMode {
  /**
   * {@code -f lavfi -i testsrc2=...}: self-contained argv, no files; generating the frames is part
   * of the measured work (mandelbrot is costly, color is nearly free).
   */
  LIVE,
  /**
   * {@code -i inputs/testsrc2-320x240-25-2s.mkv}: files rendered once (ffv1/flac, bitexact), so a
   * command measures decoding and encoding rather than synthesis. The workload file lists the argv
   * that makes each file; the work dir must hold them under {@code inputs/}.
   */
  FILES
}
