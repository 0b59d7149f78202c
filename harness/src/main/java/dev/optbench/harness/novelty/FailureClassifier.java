package dev.optbench.harness.novelty;

import java.util.List;

/** Sorts a failed ffmpeg run into a {@link Outcome} from its exit status and error text. */
final class FailureClassifier {
  /** ffmpeg's messages when a name it was given does not exist in this build. */
  private static final List<String> UNKNOWN =
      List.of(
          "Unrecognized option",
          "Option not found",
          "Unknown encoder",
          "Unknown decoder",
          "No such filter",
          "Unknown input format",
          "Requested output format",
          "Unable to find a suitable output format",
          "Error splitting the argument list");

  private FailureClassifier() {}

  static Outcome classify(boolean timedOut, int exitCode, int signal, String stderr) {
    if (timedOut) {
      return Outcome.TIMEOUT;
    }
    if (signal != 0) {
      return Outcome.CRASH;
    }
    if (exitCode == 0) {
      return Outcome.VALID;
    }
    return UNKNOWN.stream().anyMatch(stderr::contains)
        ? Outcome.UNKNOWN_OPTION
        : Outcome.UNSUPPORTED_COMBINATION;
  }
}
