package dev.optbench.harness.novelty;

import dev.optbench.harness.workload.Command;

/** Runs a command on the reference binary and says how it went. */
public interface Evaluator {
  Evaluation evaluate(Command command);
}
