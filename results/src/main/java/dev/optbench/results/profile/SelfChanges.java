package dev.optbench.results.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The functions whose self instructions changed most between a baseline and a variant, in the order
 * of harness' {@code ProfileDiff} (largest absolute change first, then by name), so the report's
 * table and the run folder's {@code diff-vs} file agree. Computed here from the two functions files
 * rather than read from the diff file, so any baseline the report is asked for works.
 */
public final class SelfChanges {
  /** One function; a change in % is NaN when the baseline has none of it. */
  public record Row(String function, long baseSelf, long self, long baseInclusive, long inclusive) {
    public long selfChange() {
      return self - baseSelf;
    }

    public double selfChangePercent() {
      return baseSelf == 0 ? Double.NaN : 100.0 * selfChange() / baseSelf;
    }

    public double inclusiveChangePercent() {
      return baseInclusive == 0 ? Double.NaN : 100.0 * (inclusive - baseInclusive) / baseInclusive;
    }
  }

  private SelfChanges() {}

  public static List<Row> top(FunctionCounts base, FunctionCounts variant, int limit) {
    Set<String> names = new LinkedHashSet<>(base.functions().keySet());
    names.addAll(variant.functions().keySet());
    List<Row> rows = new ArrayList<>();
    for (String n : names) {
      FunctionCounts.Counts b = base.get(n);
      FunctionCounts.Counts v = variant.get(n);
      rows.add(new Row(n, b.self(), v.self(), b.inclusive(), v.inclusive()));
    }
    rows.sort(
        Comparator.comparingLong((Row r) -> -Math.abs(r.selfChange()))
            .thenComparing(Row::function));
    return List.copyOf(rows.subList(0, Math.min(limit, rows.size())));
  }
}
