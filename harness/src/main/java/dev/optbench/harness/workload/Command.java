package dev.optbench.harness.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * One generated ffmpeg invocation as argv arrays, never a shell string. argv[0] is the literal
 * {@code ffmpeg}: whoever runs it substitutes the variant's binary. Every path in it is relative to
 * the unit's work dir, which the runner makes the current directory.
 *
 * @param before commands that must run first in the same work dir (pass 1 of a two-pass encode);
 *     they are part of the unit's cost
 * @param inputs synthetic media the command reads ({@link InputMode#FILES} needs them on disk)
 * @param outputs the files it writes, relative
 * @param descriptor normalised input-space descriptor (template one-hot + used parameters)
 */
public record Command(
    Template template,
    List<String> argv,
    List<List<String>> before,
    List<MediaSource> inputs,
    List<String> outputs,
    double[] descriptor) {

  public Command {
    argv = List.copyOf(argv);
    before = before.stream().map(List::copyOf).toList();
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    descriptor = descriptor.clone();
    outputs.forEach(WorkDirPaths::requireInside);
    WorkDirPaths.requireArgv(argv);
    before.forEach(WorkDirPaths::requireArgv);
  }

  /** All argvs in execution order; the identity of the command for de-duplication. */
  public List<List<String>> steps() {
    List<List<String>> all = new ArrayList<>(before);
    all.add(argv);
    return all;
  }

  @Override
  public double[] descriptor() {
    return descriptor.clone();
  }
}
