package dev.optbench.results.compare;

/** The outcome of one benchmark/metric comparison; only {@link #REGRESSION} fails the gate. */
public enum Verdict {
  /** Significantly worse, and the whole interval lies beyond the threshold. */
  REGRESSION,
  /** Significantly better, and the whole interval lies beyond the threshold. */
  IMPROVEMENT,
  /** The interval lies inside the threshold band: any change is too small to matter. */
  NO_CHANGE,
  /** The interval reaches outside the band without a clear result: measure more. */
  INCONCLUSIVE,
  /** Fewer values than the configured minimum on either side; no statistics are trusted. */
  TOO_FEW_SAMPLES
}
