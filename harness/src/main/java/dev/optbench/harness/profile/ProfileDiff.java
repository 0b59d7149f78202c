package dev.optbench.harness.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where two profiles of the same unit differ: per function, self and inclusive instructions in the
 * baseline and the candidate, ordered by the largest absolute change of self instructions (the code
 * that itself got cheaper or dearer; inclusive changes repeat up every caller).
 */
public final class ProfileDiff {
  /** One function; a change in % is NaN when the function is absent from the baseline. */
  public record Row(String function, long baseSelf, long candSelf, long baseIncl, long candIncl) {
    public long selfChange() {
      return candSelf - baseSelf;
    }

    public long inclusiveChange() {
      return candIncl - baseIncl;
    }

    public double selfChangePercent() {
      return baseSelf == 0 ? Double.NaN : 100.0 * selfChange() / baseSelf;
    }

    public double inclusiveChangePercent() {
      return baseIncl == 0 ? Double.NaN : 100.0 * inclusiveChange() / baseIncl;
    }
  }

  private ProfileDiff() {}

  /** The {@code limit} functions whose self instructions changed most, largest change first. */
  public static List<Row> top(FunctionProfile base, FunctionProfile cand, int limit) {
    Set<String> names = new HashSet<>(base.inclusive().keySet());
    names.addAll(cand.inclusive().keySet());
    List<Row> rows = new ArrayList<>();
    for (String n : names) {
      rows.add(
          new Row(
              n,
              base.self().getOrDefault(n, 0L),
              cand.self().getOrDefault(n, 0L),
              base.inclusive().getOrDefault(n, 0L),
              cand.inclusive().getOrDefault(n, 0L)));
    }
    rows.sort(
        Comparator.comparingLong((Row r) -> -Math.abs(r.selfChange()))
            .thenComparing(Row::function));
    return List.copyOf(rows.subList(0, Math.min(limit, rows.size())));
  }

  /** Tab-separated, one row per function, for the run folder. */
  public static String tsv(List<Row> rows) {
    StringBuilder b =
        new StringBuilder(
            "function\tbase_self\tcand_self\tself_change\tself_change_pct"
                + "\tbase_inclusive\tcand_inclusive\tinclusive_change\tinclusive_change_pct\n");
    for (Row r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "%s\t%d\t%d\t%+d\t%+.2f\t%d\t%d\t%+d\t%+.2f%n",
              r.function(),
              r.baseSelf(),
              r.candSelf(),
              r.selfChange(),
              r.selfChangePercent(),
              r.baseIncl(),
              r.candIncl(),
              r.inclusiveChange(),
              r.inclusiveChangePercent()));
    }
    return b.toString();
  }
}
