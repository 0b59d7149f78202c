package dev.optbench.benchmarks.doctor;

import java.util.List;

/**
 * One thing the doctor looks at. Small on purpose: the real checks probe the host, fakes in tests
 * return fixed findings, and {@link Doctor} decides the exit code from findings alone.
 */
public interface Check {

  /** Names the check when it throws instead of returning findings, e.g. "compiler gcc". */
  String name();

  /** At least one finding; an exception counts as a FAIL of this check. */
  List<Finding> run() throws Exception;
}
