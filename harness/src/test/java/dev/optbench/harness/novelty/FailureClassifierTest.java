package dev.optbench.harness.novelty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureClassifierTest {
  @Test
  void sortsFailuresByCause() {
    assertThat(FailureClassifier.classify(false, 0, 0, "")).isEqualTo(Outcome.VALID);
    assertThat(FailureClassifier.classify(true, -1, 15, "")).isEqualTo(Outcome.TIMEOUT);
    assertThat(FailureClassifier.classify(false, -1, 11, "")).isEqualTo(Outcome.CRASH);
    assertThat(FailureClassifier.classify(false, 1, 0, "Unrecognized option 'foo'."))
        .isEqualTo(Outcome.UNKNOWN_OPTION);
    assertThat(FailureClassifier.classify(false, 1, 0, "Unknown encoder 'libx264'"))
        .isEqualTo(Outcome.UNKNOWN_OPTION);
    assertThat(
            FailureClassifier.classify(
                false,
                1,
                0,
                "Could not write header for output file #0 (incorrect codec parameters ?)"))
        .isEqualTo(Outcome.UNSUPPORTED_COMBINATION);
  }
}
