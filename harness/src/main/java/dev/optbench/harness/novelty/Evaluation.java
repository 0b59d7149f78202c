package dev.optbench.harness.novelty;

/**
 * One command run on the reference binary.
 *
 * @param diagnostic the tail of ffmpeg's stderr for failures, empty when valid
 */
public record Evaluation(
    Outcome outcome, Behaviour behaviour, int exitCode, int signal, String diagnostic) {
  public boolean valid() {
    return outcome == Outcome.VALID;
  }

  public static Evaluation valid(Behaviour b) {
    return new Evaluation(Outcome.VALID, b, 0, 0, "");
  }
}
