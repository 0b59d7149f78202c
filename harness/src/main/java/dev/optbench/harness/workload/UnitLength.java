package dev.optbench.harness.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes a generated unit do more of the same work: its live lavfi inputs' durations ({@code -t N -f
 * lavfi -i graph}, the only shape the generator writes for live inputs) are multiplied by a factor,
 * in every step, so a two-pass unit's passes stay in step. Nothing else changes: codecs, filters
 * and sizes stay, so the work per second of media is the same and only its amount grows.
 *
 * <p>Users' own commands (no template) and units reading files are never rewritten: a command the
 * user wrote is measured as written, and a file input has a fixed length the unit cannot outgrow.
 */
public final class UnitLength {
  /**
   * Seconds of media a warm-up gives each live input: 5 frames at 25 fps, ~10 audio frames at 48
   * kHz, enough for the whole code path from start to trailer (exec, codec and filter set-up, the
   * first frames of each kind, flush). A warm-up is there for first-run costs (the binary's pages,
   * the sandbox's first exec, the output's first write), which do not grow with the media.
   */
  public static final String WARMUP_SECONDS = "0.2";

  private UnitLength() {}

  /** Why {@code unit} cannot be lengthened, or empty when {@link #times} applies. */
  public static Optional<String> whyNot(WorkloadUnit unit) {
    if (unit.template() == null) {
      return Optional.of("a user command: measured as written");
    }
    if (!unit.inputs().isEmpty()) {
      return Optional.of("reads input files of a fixed length");
    }
    if (unit.before().stream().anyMatch(s -> durations(s).isEmpty())
        || durations(unit.argv()).isEmpty()) {
      return Optional.of("has no live lavfi input with a duration (-t N -f lavfi -i)");
    }
    return Optional.empty();
  }

  /**
   * The unit with every live input's duration times {@code factor}, under the id {@code
   * <id>.x<factor>}: a different amount of work must not share an id, or results of runs that
   * lengthened differently would be compared as if they were the same unit.
   */
  public static WorkloadUnit times(WorkloadUnit unit, int factor) {
    if (factor == 1) {
      return unit;
    }
    if (factor < 1) {
      throw new IllegalArgumentException("factor must be at least 1, got " + factor);
    }
    whyNot(unit)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException("unit " + unit.id() + " " + why);
            });
    return new WorkloadUnit(
        unit.id() + ".x" + factor,
        unit.template(),
        scaled(unit.argv(), factor),
        unit.before().stream().map(s -> scaled(s, factor)).toList(),
        unit.inputs(),
        unit.descriptors(),
        unit.seed(),
        unit.generation());
  }

  /**
   * The steps a warm-up of {@code unit} runs: every live input cut to {@link #WARMUP_SECONDS} where
   * the unit can be lengthened ({@link #whyNot}), so the warm-up round costs a fraction of a
   * measured one (measured: 9.5 s of units as written vs ~2 s); else the unit's own steps, because
   * a user's command and a file's length are never rewritten.
   */
  public static List<List<String>> warmupSteps(WorkloadUnit unit) {
    if (whyNot(unit).isPresent()) {
      return unit.steps();
    }
    List<List<String>> steps = new ArrayList<>();
    unit.before().forEach(s -> steps.add(withDurations(s, WARMUP_SECONDS)));
    steps.add(withDurations(unit.argv(), WARMUP_SECONDS));
    return List.copyOf(steps);
  }

  /** Indices of the duration values of live lavfi inputs: {@code -t <int> -f lavfi -i}. */
  private static List<Integer> durations(List<String> argv) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i + 4 < argv.size(); i++) {
      if (argv.get(i).equals("-t")
          && argv.get(i + 1).matches("[1-9][0-9]{0,4}")
          && argv.get(i + 2).equals("-f")
          && argv.get(i + 3).equals("lavfi")
          && argv.get(i + 4).equals("-i")) {
        at.add(i + 1);
      }
    }
    return at;
  }

  private static List<String> withDurations(List<String> argv, String seconds) {
    List<String> out = new ArrayList<>(argv);
    for (int i : durations(argv)) {
      out.set(i, seconds);
    }
    return List.copyOf(out);
  }

  private static List<String> scaled(List<String> argv, int factor) {
    List<String> out = new ArrayList<>(argv);
    for (int i : durations(argv)) {
      out.set(i, Long.toString(Long.parseLong(argv.get(i)) * factor));
    }
    return List.copyOf(out);
  }
}
