package dev.optbench.harness.novelty;

import dev.optbench.harness.workload.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic stand-in for the reference binary: behaviour is a function of the command's
 * descriptor, a fixed share of commands fail or crash (by hash of the argv).
 */
final class FakeEvaluator implements Evaluator {
  final List<Command> seen = new ArrayList<>();

  @Override
  public Evaluation evaluate(Command c) {
    seen.add(c);
    int h = Math.floorMod(c.steps().toString().hashCode(), 100);
    if (h < 10) {
      return new Evaluation(Outcome.UNSUPPORTED_COMBINATION, Behaviour.NONE, 1, 0, "refused");
    }
    if (h == 10) {
      return new Evaluation(Outcome.CRASH, Behaviour.NONE, -1, 11, "segfault");
    }
    double[] d = c.descriptor();
    double x = mean(d, 0), y = mean(d, 1), z = mean(d, 2);
    long cpu = (long) Math.pow(10, 3 + 4 * x);
    return Evaluation.valid(
        new Behaviour(
            cpu,
            cpu * 1000 / (1 + (h % 3)),
            (long) Math.pow(10, 3.5 + 2 * y),
            (long) Math.pow(10, 1 + 8 * z)));
  }

  private static double mean(double[] d, int offset) {
    double s = 0;
    int n = 0;
    for (int i = offset; i < d.length; i += 3) {
      s += d[i];
      n++;
    }
    return Math.min(1, 3 * s / n);
  }
}
