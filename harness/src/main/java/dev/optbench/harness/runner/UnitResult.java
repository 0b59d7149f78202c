package dev.optbench.harness.runner;

import dev.optbench.harness.metrics.ResourceUsage;
import dev.optbench.harness.runtime.Execution;
import java.util.List;

/**
 * One unit's outcome: the totals of all its steps ({@link dev.optbench.harness.metrics.UnitTotals})
 * and each step's execution; when a step failed, the run stopped there.
 *
 * @param total what the unit cost, all steps together
 * @param steps the steps that ran, in order
 */
public record UnitResult(ResourceUsage total, List<Execution> steps) {
  public UnitResult {
    steps = List.copyOf(steps);
  }

  /** The last step's execution: the failing one when the unit failed. */
  public Execution last() {
    return steps.get(steps.size() - 1);
  }

  public boolean succeeded() {
    return total.succeeded();
  }

  public boolean timedOut() {
    return last().timedOut();
  }
}
